import {
  type AddFollowerRefusal,
  canAddFollower,
  canMention,
  canRemoveFollower,
  canWrite,
  type Decision,
  deny,
  type MentionPlan,
  type MentionUnavailableReason,
  planMentions,
  type RemoveFollowerRefusal,
} from './policy';
import type { AsideState, ConversationState } from './store/state';
import type { Agent, ComposerMode, Conversation, Person, Settings } from './types';

// Selectors read the store's state for one conversation and return the core's decisions on it,
// so no UI package looks into `state.conversations` or calls a policy function on raw state.
// Each returns a stable value for an unchanged state (decisions are shared constants), so
// `useAsideSelector` re-renders only when the answer changes. `null` means "still loading".

const NO_IDS: readonly string[] = [];

export function selectConversation(
  state: AsideState,
  conversationId: string,
): ConversationState | undefined {
  return state.conversations[conversationId];
}

/** The conversation as the agent sees it (pending follower changes applied), once loaded. */
export function selectLoadedConversation(
  state: AsideState,
  conversationId: string,
): Conversation | null {
  return state.conversations[conversationId]?.conversation ?? null;
}

/** R9: the follower ids, in order; the same array while they do not change. */
export function selectFollowerIds(state: AsideState, conversationId: string): readonly string[] {
  return selectLoadedConversation(state, conversationId)?.followerIds ?? NO_IDS;
}

/** R11: follower ids whose add or remove waits for the backend. */
export function selectPendingFollowerIds(
  state: AsideState,
  conversationId: string,
): readonly string[] {
  return state.conversations[conversationId]?.pendingFollowerIds ?? NO_IDS;
}

/** R9: the assignee, once the directory has answered for them. */
export function selectAssignee(state: AsideState, conversationId: string): Person | null {
  const assigneeId = selectLoadedConversation(state, conversationId)?.assigneeId;
  return assigneeId ? (state.people[assigneeId] ?? null) : null;
}

interface DecisionInputs {
  readonly agent: Agent;
  readonly conversation: Conversation;
  readonly settings: Settings;
}

function inputsOf(state: AsideState, conversationId: string): DecisionInputs | null {
  const conversation = selectLoadedConversation(state, conversationId);
  const { currentAgent: agent, settings } = state;
  return conversation && agent && settings ? { agent, conversation, settings } : null;
}

/**
 * R3, R4: may the current agent @mention in this conversation in `mode`, and why not. A public
 * reply is refused at once; otherwise null until the conversation, agent and settings load.
 */
export function selectMentionDecision(
  state: AsideState,
  conversationId: string,
  mode: ComposerMode,
): Decision<MentionUnavailableReason> | null {
  if (mode === 'public-reply') return deny('public-reply');
  const inputs = inputsOf(state, conversationId);
  return inputs && canMention(inputs.agent, inputs.conversation, inputs.settings, mode);
}

/** R4, R7: may the current agent write here at all (view-only agents may not). */
export function selectWriteDecision(
  state: AsideState,
  conversationId: string,
): Decision<'no-edit-permission'> | null {
  const conversation = selectLoadedConversation(state, conversationId);
  return state.currentAgent && conversation ? canWrite(state.currentAgent, conversation) : null;
}

/**
 * R4, R6: may the current agent add followers here (by mention or directly), and why not. The
 * rules of an internal note apply whatever the composer's mode.
 */
export function selectAddDecision(
  state: AsideState,
  conversationId: string,
): Decision<MentionUnavailableReason> | null {
  return selectMentionDecision(state, conversationId, 'internal-note');
}

/** R5–R7: may the current agent add `target` as a follower, and why not. */
export function selectAddFollowerDecision(
  state: AsideState,
  conversationId: string,
  target: Person,
): Decision<AddFollowerRefusal> | null {
  const inputs = inputsOf(state, conversationId);
  return inputs && canAddFollower(inputs.agent, target, inputs.conversation, inputs.settings);
}

/** R10: may the current agent remove followers (any, or `followerId`), and why not. */
export function selectRemoveDecision(
  state: AsideState,
  conversationId: string,
  followerId?: string,
): Decision<RemoveFollowerRefusal> | null {
  const conversation = selectLoadedConversation(state, conversationId);
  return state.currentAgent && conversation
    ? canRemoveFollower(state.currentAgent, conversation, followerId)
    : null;
}

/**
 * R5–R7: what a note mentioning `mentionIds` will do on submit: who it adds as followers, who
 * cannot view, which ids are refused. Null while loading. A new object each call: memoise it.
 */
export function selectMentionPlan(
  state: AsideState,
  conversationId: string,
  mentionIds: readonly string[],
): MentionPlan | null {
  const inputs = inputsOf(state, conversationId);
  if (!inputs) return null;
  const { agent, conversation, settings } = inputs;
  return planMentions(agent, conversation, settings, mentionIds, (id) => state.people[id]);
}
