import type { Unsubscribe } from '../adapters';
import { toAsideError } from '../errors';
import type { Conversation } from '../types';
import { parseConversation } from '../validate';
import type { DirectorySlice } from './directory-slice';
import { type FollowerOverlay, sameIds } from './follower-overlay';
import type { StoreKernel } from './kernel';
import type { ConversationState } from './state';

/** Same backend conversation apart from followers (which optimistic changes may override). */
const sameConversationBase = (seen: Conversation, server: Conversation) =>
  seen === server ||
  (seen.version === server.version && seen.id === server.id && seen.messages === server.messages);

/** Open conversations: the backend's truth, its live changes, and what the agent sees of it. */
export function createConversationsSlice(
  kernel: StoreKernel,
  directory: DirectorySlice,
  overlay: FollowerOverlay,
) {
  const { adapters, patchConversation } = kernel;
  const serverConversations = new Map<string, Conversation>();
  const openCounts = new Map<string, number>();
  const subscriptions = new Map<string, Unsubscribe>();
  const loadSeq = new Map<string, number>();

  const visibleConversation = (id: string): Conversation | null => {
    const server = serverConversations.get(id);
    if (!server) return null;
    const followerIds = overlay.followerIds(id, server);
    const previous = kernel.state().conversations[id]?.conversation;
    // Reuse what the agent already sees when nothing visible changed: no needless re-render.
    if (
      previous &&
      sameIds(previous.followerIds, followerIds) &&
      sameConversationBase(previous, server)
    ) {
      return previous;
    }
    return followerIds === server.followerIds ? server : { ...server, followerIds };
  };

  const refresh = (id: string, partial: Partial<ConversationState> = {}) => {
    const previous = kernel.state().conversations[id]?.pendingFollowerIds ?? [];
    const pending = overlay.pendingIds(id);
    const pendingFollowerIds = sameIds(previous, pending) ? previous : pending;
    patchConversation(id, {
      conversation: visibleConversation(id),
      pendingFollowerIds,
      ...partial,
    });
  };

  /** Validate and record the backend's truth; R18: a response older than what we hold is dropped. */
  const record = (raw: unknown, source: string): Conversation => {
    const conversation = parseConversation(raw, source);
    const held = serverConversations.get(conversation.id);
    if (held && held.version > conversation.version) return held;
    serverConversations.set(conversation.id, conversation);
    if (held?.messages !== conversation.messages) directory.recent.noteAuthorsOf(conversation);
    const ids = [
      ...conversation.followerIds,
      ...(conversation.assigneeId ? [conversation.assigneeId] : []),
    ];
    void directory.fetchMissingPeople(ids);
    return conversation;
  };

  const accept = (raw: unknown, source: string): Conversation => {
    const conversation = record(raw, source);
    refresh(conversation.id, { status: 'ready' });
    return conversation;
  };

  const load = async (id: string) => {
    const seq = (loadSeq.get(id) ?? 0) + 1;
    loadSeq.set(id, seq);
    if (!serverConversations.has(id)) patchConversation(id, { status: 'loading', error: null });
    try {
      const conversation = await adapters.conversations.load(id);
      if (loadSeq.get(id) === seq) accept(conversation, 'conversations.load');
    } catch (error) {
      if (loadSeq.get(id) !== seq) return;
      patchConversation(id, {
        status: serverConversations.has(id) ? 'ready' : 'error',
        error: toAsideError(error, 'Could not load the conversation'),
      });
    }
  };

  /** Follow a conversation while anyone holds it open; `onFirstOpen` runs on the first hold. */
  const open = (id: string, onFirstOpen: () => void) => {
    const count = openCounts.get(id) ?? 0;
    openCounts.set(id, count + 1);
    if (count === 0) {
      subscriptions.set(
        id,
        adapters.conversations.subscribe(id, (conversation) => {
          try {
            accept(conversation, 'conversations.subscribe');
          } catch (error) {
            patchConversation(id, { error: toAsideError(error, 'Invalid conversation update') });
          }
        }),
      );
      onFirstOpen();
      void load(id);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (openCounts.get(id) ?? 1) - 1;
      openCounts.set(id, left);
      if (left === 0) {
        subscriptions.get(id)?.();
        subscriptions.delete(id);
      }
    };
  };

  kernel.cleanups.push(() => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });

  return { open, load, record, accept, refresh };
}

export type ConversationsSlice = ReturnType<typeof createConversationsSlice>;
