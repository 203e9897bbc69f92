import { type AsideState, type MentionPlan, selectMentionPlan } from '@aside/core';
import { useCallback, useMemo } from 'react';
import { shallowEqualArrays, useAsideSelector } from './use-aside-selector';

const NONE: readonly string[] = [];

function samePlan(a: MentionPlan | null, b: MentionPlan | null): boolean {
  if (!a || !b) return a === b;
  return (
    shallowEqualArrays(a.add, b.add) &&
    shallowEqualArrays(a.cannotView, b.cannotView) &&
    shallowEqualArrays(a.invalidIds, b.invalidIds)
  );
}

/**
 * R5–R7: what submitting a note that mentions `mentionIds` will do: who it adds as followers,
 * who cannot view the conversation, which ids are refused. Null while loading; re-renders only
 * when the plan changes.
 */
export function useMentionPlan(
  conversationId: string,
  mentionIds: readonly string[],
): MentionPlan | null {
  const key = mentionIds.join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the ids are compared by content (key)
  const ids = useMemo(() => (key ? mentionIds : NONE), [key]);
  return useAsideSelector(
    useCallback(
      (state: AsideState) => selectMentionPlan(state, conversationId, ids),
      [conversationId, ids],
    ),
    samePlan,
  );
}
