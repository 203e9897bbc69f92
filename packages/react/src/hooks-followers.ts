import {
  type AddFollowerRefusal,
  type AsideState,
  type Decision,
  type MentionUnavailableReason,
  type Person,
  type RemoveFollowerRefusal,
  selectAddDecision,
  selectAddFollowerDecision,
  selectAssignee,
  selectConversation,
  selectFollowerIds,
  selectLoadedConversation,
  selectPendingFollowerIds,
  selectRemoveDecision,
} from '@aside/core';
import { useCallback, useMemo } from 'react';
import { useAsideStore } from './context';
import { useOpenConversation } from './hooks';
import { shallowEqualArrays, useAsideSelector } from './use-aside-selector';

export interface Follower {
  readonly id: string;
  /** Null until the directory has answered for this id. */
  readonly person: Person | null;
  /** Its add or remove is waiting for the backend (R11). */
  readonly pending: boolean;
}

/** Binds a core selector to one conversation, for `useAsideSelector`. */
function useBound<Slice>(
  select: (state: AsideState, conversationId: string) => Slice,
  conversationId: string,
) {
  return useCallback(
    (state: AsideState) => select(state, conversationId),
    [select, conversationId],
  );
}

const selectStatus = (state: AsideState, conversationId: string) =>
  selectConversation(state, conversationId)?.status ?? 'loading';
const selectError = (state: AsideState, conversationId: string) =>
  selectConversation(state, conversationId)?.error ?? null;

/**
 * R6, R9–R11: the followers of a conversation, what the current agent may do with them (with
 * the core's reasons), and intents.
 */
export function useFollowers(conversationId: string) {
  const store = useAsideStore();
  useOpenConversation(conversationId);
  // Narrow, content-compared slices: a new conversation version with the same followers re-renders nothing.
  const ids = useAsideSelector(useBound(selectFollowerIds, conversationId), shallowEqualArrays);
  const pendingIds = useAsideSelector(
    useBound(selectPendingFollowerIds, conversationId),
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
  const status = useAsideSelector(useBound(selectStatus, conversationId));
  const error = useAsideSelector(useBound(selectError, conversationId));
  const assignee = useAsideSelector(useBound(selectAssignee, conversationId));
  const adding: Decision<MentionUnavailableReason> | null = useAsideSelector(
    useBound(selectAddDecision, conversationId),
  );
  const removing: Decision<RemoveFollowerRefusal> | null = useAsideSelector(
    useBound(selectRemoveDecision, conversationId),
  );
  return {
    status,
    followers,
    assignee,
    /** The current agent may add followers here (R4, R6); see `adding` for why not. */
    canAdd: adding?.allowed ?? false,
    /** Null while loading; otherwise whether followers may be added, and why not. */
    adding,
    /** The current agent sees the X on follower chips (R10); see `removing` for why not. */
    canRemove: removing?.allowed ?? false,
    /** Null while loading; otherwise whether followers may be removed, and why not. */
    removing,
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

const selectAgent = (state: AsideState) => state.currentAgent;
const selectSettings = (state: AsideState) => state.settings;

/**
 * R5–R7: a function that tells whether the current agent may add one person as a follower, and
 * why not (null while loading). A new function only when the conversation, agent or settings
 * change, so a search keyed on it is not re-run for unrelated store changes.
 */
export function useAddFollowerDecision(
  conversationId: string,
): (target: Person) => Decision<AddFollowerRefusal> | null {
  const store = useAsideStore();
  const conversation = useAsideSelector(useBound(selectLoadedConversation, conversationId));
  const agent = useAsideSelector(selectAgent);
  const settings = useAsideSelector(selectSettings);
  return useCallback(
    (target: Person) =>
      conversation && agent && settings
        ? selectAddFollowerDecision(store.getSnapshot(), conversationId, target)
        : null,
    [store, conversationId, conversation, agent, settings],
  );
}
