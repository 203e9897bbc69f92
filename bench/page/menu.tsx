import { Composer } from '@aside/composer';
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, generateAgents } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import { createRoot } from 'react-dom/client';
import '@aside/composer/styles.css';
import { recordMenuOpens } from './menu-timing';
import { waitFor } from './typing';

/** `@` + one letter → listbox painted, over a 50,000-agent in-memory directory. */
let result: ReturnType<typeof recordMenuOpens> | null = null;

export async function mountMenu() {
  const agents = [...Object.values(demoAgents), ...generateAgents(50_000)];
  const backend = createMemoryBackend({ agents });
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  store.openConversation('conv-refund');
  store.setMode('conv-refund', 'internal-note');
  createRoot(document.getElementById('root')!).render(
    <AsideProvider store={store}>
      <Composer conversationId="conv-refund" mentionSearchDebounceMs={0} />
    </AsideProvider>,
  );
  await waitFor(() => !!document.querySelector('.ProseMirror'));
  result = recordMenuOpens('.aside-mention-menu__name', '.ProseMirror');
  return true;
}

export const menuOpenResult = () => result?.() ?? { opens: 0, p50Ms: 0, p95Ms: 0 };
