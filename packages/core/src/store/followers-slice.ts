import { AsideError, toAsideError } from '../errors';
import { checkFollowerChange } from '../submission/check-follower';
import { refusalError } from '../submission/refusal';
import type { ConversationsSlice } from './conversations-slice';
import type { DirectorySlice } from './directory-slice';
import type { FollowerOverlay, PendingFollowerChange } from './follower-overlay';
import type { ConversationContext, StoreKernel } from './kernel';
import type { AsideStore } from './store-api';

type ChangeType = PendingFollowerChange['type'];

/** R5, R6, R10, R11: add and remove followers, shown at once and confirmed by the backend. */
export function createFollowersSlice(
  kernel: StoreKernel,
  directory: DirectorySlice,
  conversations: ConversationsSlice,
  overlay: FollowerOverlay,
) {
  const { adapters, currentAgentId, patchConversation } = kernel;

  const changeFollower = async (conversationId: string, type: ChangeType, agentId: string) => {
    const change = overlay.add(conversationId, type, agentId);
    conversations.refresh(conversationId, { error: null });
    try {
      const call =
        type === 'add' ? adapters.conversations.addFollower : adapters.conversations.removeFollower;
      const confirmed = await call.call(adapters.conversations, conversationId, agentId, {
        actorId: currentAgentId,
      });
      // Drop the optimistic change and record the confirmed one, then show both at once.
      overlay.forget(conversationId, change);
      conversations.receiveWrite(confirmed, `conversations.${type}Follower`, 'followers-changed');
      if (type === 'add') directory.recent.note([agentId]);
      conversations.refresh(conversationId);
      return true;
    } catch (error) {
      overlay.forget(conversationId, change);
      const message =
        type === 'add' ? 'Could not add the follower' : 'Could not remove the follower';
      conversations.refresh(conversationId, { error: toAsideError(error, message) });
      return false;
    }
  };

  /** R5, R10: the same decision the backend takes; a refusal is shown and nothing is sent. */
  const decide = (
    conversationId: string,
    type: ChangeType,
    agentId: string,
    { agent, settings, conversation }: ConversationContext,
  ) => {
    const decision = checkFollowerChange({
      type,
      actor: agent,
      conversation,
      settings,
      agentId,
      target: kernel.state().people[agentId],
    });
    if (!decision.ok) {
      patchConversation(conversationId, { error: refusalError(decision) });
      return Promise.resolve(false);
    }
    return changeFollower(conversationId, type, agentId);
  };

  const contextOrRefuse = (conversationId: string) => {
    try {
      return kernel.requireContext(conversationId);
    } catch (error) {
      const message = (error as Error).message;
      patchConversation(conversationId, { error: new AsideError('forbidden', message) });
      return null;
    }
  };

  const api: Pick<AsideStore, 'addFollower' | 'removeFollower'> = {
    async addFollower(conversationId, agentId) {
      const context = contextOrRefuse(conversationId);
      if (!context) return false;
      await directory.fetchMissingPeople([agentId]);
      return decide(conversationId, 'add', agentId, context);
    },
    removeFollower(conversationId, agentId) {
      const context = contextOrRefuse(conversationId);
      if (!context) return Promise.resolve(false);
      return decide(conversationId, 'remove', agentId, context);
    },
  };
  return api;
}
