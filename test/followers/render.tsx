import { type AsideStore, createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, type MemoryBackend } from '@aside/core/memory';
import { FollowersList, type FollowersListProps } from '@aside/followers';
import { AsideProvider } from '@aside/react';
import { render } from '@testing-library/react';
import '../../packages/followers/src/styles.css';

export { demoAgents };

export interface FollowersSetup {
  readonly backend: MemoryBackend;
  readonly store: AsideStore;
  readonly view: ReturnType<typeof render>;
}

/** A FollowersList over the in-memory backend, signed in as `agentId` (Sam by default). */
export async function renderFollowers(
  options: {
    agentId?: string;
    conversationId?: string;
    followerIds?: readonly string[];
    dir?: 'ltr' | 'rtl';
  } & Partial<FollowersListProps> = {},
): Promise<FollowersSetup> {
  // Real-browser tests wait on the DOM like a user; React's act() warnings do not apply here.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  const { agentId = demoAgents.sam.id, conversationId = 'conv-refund', followerIds, dir } = options;
  const backend = createMemoryBackend();
  if (followerIds) backend.updateConversation(conversationId, () => ({ followerIds }));
  const store = createAsideStore({
    adapters: backend.adaptersFor(agentId),
    currentAgentId: agentId,
  });
  await store.ready;
  const view = render(
    <AsideProvider store={store}>
      <div dir={dir}>
        <FollowersList conversationId={conversationId} {...options} />
      </div>
    </AsideProvider>,
  );
  return { backend, store, view };
}

export const followerIdsOf = (store: AsideStore, conversationId = 'conv-refund') =>
  store.getSnapshot().conversations[conversationId]?.conversation?.followerIds ?? [];
