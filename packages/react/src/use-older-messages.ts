import type { AsideState } from '@aside/core';
import { useCallback } from 'react';
import { useAsideStore } from './context';
import { useAsideSelector } from './use-aside-selector';

export interface OlderMessages {
  /** Older messages exist that are not loaded yet. */
  readonly hasOlder: boolean;
  /** A page of older messages is on its way. */
  readonly loading: boolean;
  /** Puts the page before the oldest loaded message in front of `conversation.messages`. */
  loadOlder(): Promise<void>;
}

const NONE = { hasOlder: false, loading: false };
const sameFlags = (a: typeof NONE, b: typeof NONE) =>
  a.hasOlder === b.hasOlder && a.loading === b.loading;

/**
 * A conversation loads with its newest messages only; this pages back through the rest.
 * Use it next to `useConversation`, which keeps the conversation open.
 */
export function useOlderMessages(conversationId: string): OlderMessages {
  const store = useAsideStore();
  const flags = useAsideSelector(
    useCallback(
      (state: AsideState) => {
        const conversation = state.conversations[conversationId];
        if (!conversation) return NONE;
        return { hasOlder: conversation.olderCursor !== null, loading: conversation.loadingOlder };
      },
      [conversationId],
    ),
    sameFlags,
  );
  const loadOlder = useCallback(
    () => store.loadOlderMessages(conversationId),
    [store, conversationId],
  );
  return { ...flags, loadOlder };
}
