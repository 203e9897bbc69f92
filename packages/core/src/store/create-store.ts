import { createComposerSlice } from './composer-slice';
import { createConversationsSlice } from './conversations-slice';
import { createDirectorySlice } from './directory-slice';
import { createFollowerOverlay } from './follower-overlay';
import { createFollowersSlice } from './followers-slice';
import { createKernel } from './kernel';
import { createNotificationsSlice } from './notifications-slice';
import type { AsideStore, AsideStoreOptions } from './store-api';

/** The headless store behind every Aside component: one state, built from one slice per concern. */
export function createAsideStore(options: AsideStoreOptions): AsideStore {
  const kernel = createKernel(options);
  const { patch, patchConversation, patchComposer } = kernel;
  const directory = createDirectorySlice(kernel);
  const ready = directory.loadAgentAndSettings();
  const notifications = createNotificationsSlice(kernel);
  const overlay = createFollowerOverlay();
  const conversations = createConversationsSlice(kernel, directory, overlay);
  const followers = createFollowersSlice(kernel, directory, conversations, overlay);
  const composer = createComposerSlice(kernel, directory, conversations, ready);

  return {
    getSnapshot: kernel.state,
    subscribe: kernel.subscribe,
    ready,
    openConversation: (id) => conversations.open(id, () => composer.open(id)),
    loadOlderMessages: conversations.loadOlder,
    ...composer.api,
    ...followers,
    ...directory.searches,
    ...notifications,
    async retry() {
      // R18: nothing stays stuck after a failure: reload what failed, keep everything else.
      patch({ error: null });
      const state = kernel.state();
      if (!state.currentAgent || !state.settings) await directory.loadAgentAndSettings();
      const failed = Object.entries(kernel.state().conversations).filter(
        ([, c]) => c.status === 'error',
      );
      await Promise.all(failed.map(([id]) => conversations.load(id)));
    },
    clearError(conversationId) {
      if (conversationId === undefined) return patch({ error: null });
      const state = kernel.state();
      if (state.conversations[conversationId]?.error)
        patchConversation(conversationId, { error: null });
      if (state.composers[conversationId]?.error) patchComposer(conversationId, { error: null });
    },
    destroy: kernel.destroy,
  };
}
