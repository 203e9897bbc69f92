import { Composer } from '@aside/composer';
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, generateAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import { Toaster } from '@aside/notifications';
import { AsideProvider, useConversation } from '@aside/react';
import { createRoot } from 'react-dom/client';
import '@aside/composer/styles.css';
import '@aside/followers/styles.css';
import '@aside/notifications/styles.css';
import { countOf } from './render-counter';
import { waitFor } from './typing';

function HostConversationHeader() {
  const state = useConversation('conv-refund');
  return <h1>{state?.conversation?.subject}</h1>;
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
      <Composer conversationId="conv-refund" />
      <Toaster onOpenConversation={() => {}} />
    </AsideProvider>,
  );
  await waitFor(
    () =>
      document.querySelectorAll('li.aside-chip').length >= 50 &&
      !!document.querySelector('.ProseMirror'),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  return renderCountsNow();
}

export function renderCountsNow() {
  return Object.fromEntries([...OUTSIDE, 'FollowerChip'].map((name) => [name, countOf(name)]));
}

/** Removes one follower of the 50 and waits for the backend's answer. */
export async function removeOneFollower() {
  const id = store!.getSnapshot().conversations['conv-refund']!.conversation!.followerIds[20]!;
  await store!.removeFollower('conv-refund', id);
  await new Promise((resolve) => setTimeout(resolve, 100));
}
