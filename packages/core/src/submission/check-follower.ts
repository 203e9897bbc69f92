import { canAddFollower, canRemoveFollower, canView } from '../policy';
import type { Agent, Conversation, Person, Settings } from '../types';
import { type Refusal, refuse } from './refusal';

export interface FollowerChange {
  readonly type: 'add' | 'remove';
  readonly actor: Agent;
  readonly conversation: Conversation;
  readonly settings: Settings;
  readonly agentId: string;
  /** The person behind `agentId` as the directory knows them now (needed to add). */
  readonly target?: Person | undefined;
}

/** R5, R10, R11: the one decision on adding or removing a follower, wherever it is asked. */
export function checkFollowerChange(change: FollowerChange): { readonly ok: true } | Refusal {
  const { type, actor, conversation, agentId, target } = change;
  if (!canView(conversation, actor.id) || (type === 'add' && !target)) {
    return refuse('not-found');
  }
  const decision =
    type === 'add' && target
      ? canAddFollower(actor, target, conversation, change.settings)
      : canRemoveFollower(actor, conversation, agentId);
  if (!decision.allowed) {
    return refuse('forbidden', decision.reason);
  }
  return { ok: true };
}
