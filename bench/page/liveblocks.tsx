import { createMentionIndex } from '@aside/core';
import { demoAgents, generateAgents } from '@aside/core/memory';
import type { CommentBody } from '@liveblocks/client';
import { LiveblocksProvider, RoomProvider } from '@liveblocks/react';
import { Composer } from '@liveblocks/react-ui';
import { createRoot, type Root } from 'react-dom/client';
import '@liveblocks/react-ui/styles.css';
import { longNote } from './latency';
import { recordMenuOpens } from './menu-timing';
import { waitFor } from './typing';

/**
 * Liveblocks' Composer, offline: the auth callback never answers, so the room stays
 * "connecting" and nothing reaches the network; mentions come from the same 50,000-agent index
 * Aside searches, answered synchronously, and names from a local map.
 */
const agents = [...Object.values(demoAgents), ...generateAgents(50_000)];
const byId = new Map(agents.map((agent) => [agent.id, agent]));
let index: ReturnType<typeof createMentionIndex> | null = null;

let root: Root | null = null;

function mount(defaultValue?: CommentBody) {
  root?.unmount();
  root = createRoot(document.getElementById('root')!);
  index ??= createMentionIndex(agents);
  const search = index;
  root.render(
    <LiveblocksProvider
      authEndpoint={() => new Promise(() => {})}
      resolveMentionSuggestions={({ text }) => search.search(text).map((agent) => agent.id)}
      resolveUsers={({ userIds }) =>
        userIds.map((id) => {
          const agent = byId.get(id);
          return agent ? { name: agent.name } : undefined;
        })
      }
    >
      <RoomProvider id="bench-room">
        <Composer {...(defaultValue ? { defaultValue } : {})} />
      </RoomProvider>
    </LiveblocksProvider>,
  );
}

const EDITOR = '[data-slate-editor]';

/** Liveblocks' Composer holding the same long note Aside's typing bench types into. */
export async function mountLiveblocksComposer(paragraphs: number) {
  const content = longNote(paragraphs).content.map((paragraph) => ({
    type: 'paragraph' as const,
    children: [{ text: paragraph.content[0]!.text }],
  }));
  mount({ version: 1, content });
  await waitFor(() => document.querySelectorAll(`${EDITOR} p`).length >= paragraphs);
}

let menuResult: (() => { opens: number; p50Ms: number; p95Ms: number }) | null = null;

/** `@` + letter → Liveblocks' suggestion list painted with the names for that letter. */
export async function mountLiveblocksMenu() {
  mount();
  await waitFor(() => !!document.querySelector(EDITOR));
  menuResult = recordMenuOpens('.lb-composer-mention-suggestion-user', EDITOR);
  return true;
}

export const liveblocksMenuResult = () => menuResult?.() ?? { opens: 0, p50Ms: 0, p95Ms: 0 };
