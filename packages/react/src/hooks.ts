import {
  type Agent,
  type AsideState,
  type ComposerMode,
  type ComposerState,
  type ConversationState,
  type MentionSearchResult,
  type NotificationsState,
  type RichTextNode,
  selectConversation,
  selectMentionDecision,
  selectWriteDecision,
} from '@aside/core';
import { useCallback, useEffect, useMemo } from 'react';
import { useAsideStore } from './context';
import { useAsideSelector } from './use-aside-selector';

/** Keeps the conversation open while mounted, without subscribing the caller to any of it. */
export function useOpenConversation(conversationId: string) {
  const store = useAsideStore();
  useEffect(() => store.openConversation(conversationId), [store, conversationId]);
}

/** Loads the conversation and follows its changes while mounted. */
export function useConversation(conversationId: string): ConversationState | undefined {
  useOpenConversation(conversationId);
  return useAsideSelector(
    useCallback((state: AsideState) => selectConversation(state, conversationId), [conversationId]),
  );
}

export function useCurrentAgent(): Agent | null {
  return useAsideSelector(selectCurrentAgent);
}
const selectCurrentAgent = (state: AsideState) => state.currentAgent;

const selectComposer = (conversationId: string) => (state: AsideState) =>
  state.composers[conversationId];

/** R1–R8: one conversation's composer state, whether @mentions are available, and intents. */
export function useComposerState(conversationId: string) {
  const store = useAsideStore();
  const conversation = useConversation(conversationId);
  const composer: ComposerState | undefined = useAsideSelector(
    useMemo(() => selectComposer(conversationId), [conversationId]),
  );
  const mode: ComposerMode = composer?.mode ?? 'public-reply';
  const mentions = useAsideSelector(
    useCallback(
      (state: AsideState) => selectMentionDecision(state, conversationId, mode),
      [conversationId, mode],
    ),
  );
  const writing = useAsideSelector(
    useCallback(
      (state: AsideState) => selectWriteDecision(state, conversationId),
      [conversationId],
    ),
  );
  return {
    conversation,
    composer,
    /**
     * Whether @mentions work in the composer's current mode, and why not (R3, R4): a public
     * reply is `{ allowed: false, reason: 'public-reply' }`; null while an internal note loads.
     */
    mentions,
    /** Null while loading; otherwise whether the agent may write here at all, and why not. */
    writing,
    setMode: useCallback(
      (next: ComposerMode) => store.setMode(conversationId, next),
      [store, conversationId],
    ),
    setDraft: useCallback(
      (draftMode: ComposerMode, doc: RichTextNode) =>
        store.setDraft(conversationId, draftMode, doc),
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
