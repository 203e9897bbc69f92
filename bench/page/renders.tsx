import { Composer } from '@aside/composer';
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, generateAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import { Toaster } from '@aside/notifications';
import { AsideProvider, useConversation } from '@aside/react';
import { Profiler, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@aside/composer/styles.css';
import '@aside/followers/styles.css';
import '@aside/notifications/styles.css';
import { countOf } from './render-counter';
import { waitFor } from './typing';

let rerenderHeader: () => void = () => {};
let rerenderComposer: () => void = () => {};
let composerCommits = 0;

function HostConversationHeader() {
  const state = useConversation('conv-refund');
  const [tick, setTick] = useState(0);
  rerenderHeader = () => setTick(tick + 1);
  return <h1 data-tick={tick}>{state?.conversation?.subject}</h1>;
}

/** The composer inside a React Profiler: every commit of its tree is counted. */
function ProfiledComposer() {
  const [tick, setTick] = useState(0);
  rerenderComposer = () => setTick(tick + 1);
  return (
    <Profiler id="composer" onRender={() => composerCommits++}>
      <Composer conversationId="conv-refund" className={`tick-${tick}`} />
    </Profiler>
  );
}

const OUTSIDE = ['FollowersList', 'Toaster', 'HostConversationHeader'];

let store: ReturnType<typeof createAsideStore> | null = null;

/** Mounts composer, followers (50), toaster and a host header. */
export async function mountRenders() {
  const agents = [...Object.values(demoAgents), ...generateAgents(300)];
  const followerIds = agents.slice(8, 58).map((agent) => agent.id);
  const backend = createMemoryBackend({ agents });
  backend.updateConversation('conv-refund', () => ({ followerIds }));
  store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  store.setMode('conv-refund', 'internal-note');
  store.openConversation('conv-refund');
  createRoot(document.getElementById('root')!).render(
    <AsideProvider store={store!}>
      <HostConversationHeader />
      <FollowersList conversationId="conv-refund" maxVisible={100} />
      <ProfiledComposer />
      <Toaster onOpenConversation={() => {}} />
    </AsideProvider>,
  );
  await waitFor(
    () =>
      document.querySelectorAll('li.aside-chip').length >= 50 &&
      !!document.querySelector('.ProseMirror'),
  );
  await settled();
  return renderCountsNow();
}

/** Two frames and a task: whatever React had scheduled has committed. */
const settled = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
  );

export function renderCountsNow(): Record<string, number> {
  return {
    ...Object.fromEntries([...OUTSIDE, 'FollowerChip'].map((name) => [name, countOf(name)])),
    composerCommits,
  };
}

/** Self-check: a deliberate re-render of the header and of the composer must be counted. */
export async function renderCountersSelfCheck() {
  const before = renderCountsNow();
  rerenderHeader();
  rerenderComposer();
  await settled();
  const after = renderCountsNow();
  return {
    headerCounted: after.HostConversationHeader! - before.HostConversationHeader!,
    composerCommitsCounted: after.composerCommits! - before.composerCommits!,
  };
}

/** Removes one follower of the 50 and waits for the backend's answer to be committed. */
export async function removeOneFollower() {
  const id = store!.getSnapshot().conversations['conv-refund']!.conversation!.followerIds[20]!;
  await store!.removeFollower('conv-refund', id);
  await settled();
}

/** Resolves once the last draft save after typing has reached the store. */
export async function draftSettled(text: string) {
  await waitFor(() =>
    (store!.getSnapshot().composers['conv-refund']?.drafts['internal-note'].text ?? '').endsWith(
      text,
    ),
  );
  await settled();
}
