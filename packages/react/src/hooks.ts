import {
  type Agent,
  type AsideState,
  type ComposerMode,
  type ComposerState,
  type ConversationState,
  canMention,
  canRemoveFollower,
  canWrite,
  type MentionSearchResult,
  type NotificationsState,
  type Person,
  type RichTextNode,
} from '@aside/core';
import { useCallback, useEffect, useMemo } from 'react';
import { useAsideStore } from './context';
import { shallowEqualArrays, useAsideSelector } from './use-aside-selector';

const NO_IDS: readonly string[] = [];

/** Loads the conversation and follows its changes while mounted. */
export function useConversation(conversationId: string): ConversationState | undefined {
  useOpenConversation(conversationId);
  return useAsideSelector(
    useCallback((state) => state.conversations[conversationId], [conversationId]),
  );
}

export function useCurrentAgent(): Agent | null {
  return useAsideSelector(selectCurrentAgent);
}
const selectCurrentAgent = (state: AsideState) => state.currentAgent;

export interface Follower {
  readonly id: string;
  /** Null until the directory has answered for this id. */
  readonly person: Person | null;
  /** Its add or remove is waiting for the backend (R11). */
  readonly pending: boolean;
}

/** Keeps the conversation open while mounted, without subscribing the caller to any of it. */
function useOpenConversation(conversationId: string) {
  const store = useAsideStore();
  useEffect(() => store.openConversation(conversationId), [store, conversationId]);
}

/** R9–R11: the followers of a conversation, whether the current agent may remove them, and intents. */
export function useFollowers(conversationId: string) {
  const store = useAsideStore();
  useOpenConversation(conversationId);
  // Narrow, content-compared slices: a new conversation version with the same followers re-renders nothing.
  const ids = useAsideSelector(
    useCallback(
      (state: AsideState) =>
        state.conversations[conversationId]?.conversation?.followerIds ?? NO_IDS,
      [conversationId],
    ),
    shallowEqualArrays,
  );
  const pendingIds = useAsideSelector(
    useCallback(
      (state: AsideState) => state.conversations[conversationId]?.pendingFollowerIds ?? NO_IDS,
      [conversationId],
    ),
    shallowEqualArrays,
  );
  const people = useAsideSelector(
    useCallback((state: AsideState) => ids.map((id) => state.people[id] ?? null), [ids]),
    shallowEqualArrays,
  );
  const followers = useMemo<Follower[]>(
    () =>
      ids.map((id, index) => ({
        id,
        person: people[index] ?? null,
        pending: pendingIds.includes(id),
      })),
    [ids, people, pendingIds],
  );
  const status = useAsideSelector(
    useCallback(
      (state: AsideState) => state.conversations[conversationId]?.status ?? 'loading',
      [conversationId],
    ),
  );
  const error = useAsideSelector(
    useCallback(
      (state: AsideState) => state.conversations[conversationId]?.error ?? null,
      [conversationId],
    ),
  );
  const assignee = useAsideSelector(
    useCallback(
      (state: AsideState) => {
        const assigneeId = state.conversations[conversationId]?.conversation?.assigneeId;
        return assigneeId ? (state.people[assigneeId] ?? null) : null;
      },
      [conversationId],
    ),
  );
  const removal = useAsideSelector(
    useCallback(
      (state: AsideState) => {
        const current = state.conversations[conversationId]?.conversation;
        return state.currentAgent && current
          ? canRemoveFollower(state.currentAgent, current)
          : null;
      },
      [conversationId],
    ),
  );
  return {
    status,
    followers,
    assignee,
    canRemove: removal?.allowed ?? false,
    error,
    addFollower: useCallback(
      (agentId: string) => store.addFollower(conversationId, agentId),
      [store, conversationId],
    ),
    removeFollower: useCallback(
      (agentId: string) => store.removeFollower(conversationId, agentId),
      [store, conversationId],
    ),
    clearError: useCallback(() => store.clearError(conversationId), [store, conversationId]),
  };
}

const selectComposer = (conversationId: string) => (state: AsideState) =>
  state.composers[conversationId];

/** R1–R8: one conversation's composer state, whether @mentions are available, and intents. */
export function useComposerState(conversationId: string) {
  const store = useAsideStore();
  const conversation = useConversation(conversationId);
  const composer: ComposerState | undefined = useAsideSelector(
    useMemo(() => selectComposer(conversationId), [conversationId]),
  );
  const mentions = useAsideSelector(
    useCallback(
      (state: AsideState) => {
        const current = state.conversations[conversationId]?.conversation;
        if (!state.currentAgent || !state.settings || !current) return null;
        return canMention(state.currentAgent, current, state.settings, 'internal-note');
      },
      [conversationId],
    ),
  );
  const writing = useAsideSelector(
    useCallback(
      (state: AsideState) => {
        const current = state.conversations[conversationId]?.conversation;
        return state.currentAgent && current ? canWrite(state.currentAgent, current) : null;
      },
      [conversationId],
    ),
  );
  return {
    conversation,
    composer,
    /** Null while loading; otherwise whether an internal note may @mention, and why not (R4). */
    mentions,
    /** Null while loading; otherwise whether the agent may write here at all, and why not. */
    writing,
    setMode: useCallback(
      (mode: ComposerMode) => store.setMode(conversationId, mode),
      [store, conversationId],
    ),
    setDraft: useCallback(
      (mode: ComposerMode, doc: RichTextNode) => store.setDraft(conversationId, mode, doc),
      [store, conversationId],
    ),
    submit: useCallback(() => store.submit(conversationId), [store, conversationId]),
    clearError: useCallback(() => store.clearError(conversationId), [store, conversationId]),
  };
}

/**
 * A search function for the mention menu, bound to one conversation (R2, R5): the suggestions
 * and how many agents match in all.
 */
export function useMentionSearch(conversationId: string) {
  const store = useAsideStore();
  return useCallback(
    (query: string, signal?: AbortSignal): Promise<MentionSearchResult> =>
      store.searchMentions(conversationId, query, signal ? { signal } : {}),
    [store, conversationId],
  );
}

const selectNotifications = (state: AsideState) => state.notifications;

/** R12–R15: toasts and the Messaging updates list for the current agent. */
export function useNotifications(): NotificationsState & {
  dismissToast(toastId: string): void;
  markRead(filter: { eventIds?: readonly string[]; conversationId?: string }): void;
  /** Call before opening a conversation to answer a notification: the composer starts in Internal note. */
  prepareReply(conversationId: string): void;
} {
  const store = useAsideStore();
  const notifications = useAsideSelector(selectNotifications);
  return useMemo(
    () => ({
      ...notifications,
      dismissToast: store.dismissToast,
      markRead: store.markRead,
      prepareReply: store.prepareReply,
    }),
    [notifications, store],
  );
}
