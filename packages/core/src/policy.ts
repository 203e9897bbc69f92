import type {
  Access,
  Agent,
  AgentRole,
  ComposerMode,
  Conversation,
  Person,
  Settings,
} from './types';

/** Why @mentions are off. UI packages translate these codes; they never re-derive them. */
export type MentionUnavailableReason =
  | 'public-reply'
  | 'collaboration-off'
  | 'live-chat'
  | 'role-cannot-add-followers'
  | 'no-edit-permission';

export type Decision<Reason extends string> =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: Reason };

// Decisions are shared constants, so selectors built on them return stable references.
const ALLOWED = /* @__PURE__ */ Object.freeze({ allowed: true } as const);
const DENIALS = new Map<string, { readonly allowed: false; readonly reason: string }>();
/** The shared denial for `reason` (internal: selectors reuse it so their results stay stable). */
export function deny<Reason extends string>(
  reason: Reason,
): { readonly allowed: false; readonly reason: Reason } {
  const denial = DENIALS.get(reason) ?? Object.freeze({ allowed: false, reason });
  DENIALS.set(reason, denial);
  return denial as { readonly allowed: false; readonly reason: Reason };
}

/** Light agents, contributors and chat-only agents cannot add followers (R4). */
const ROLES_THAT_ADD_FOLLOWERS: ReadonlySet<AgentRole> = new Set(['admin', 'agent']);

export function accessOf(conversation: Conversation, agentId: string): Access {
  if (conversation.assigneeId === agentId) return 'edit';
  return conversation.access[agentId] ?? conversation.defaultAccess;
}

export function canView(conversation: Conversation, agentId: string): boolean {
  return accessOf(conversation, agentId) !== 'none';
}

export function isParticipant(conversation: Conversation, agentId: string): boolean {
  return conversation.assigneeId === agentId || conversation.followerIds.includes(agentId);
}

/** R3, R4: may `agent` use @mentions in this conversation and mode? The first failing rule wins. */
export function canMention(
  agent: Agent,
  conversation: Conversation,
  settings: Settings,
  mode: ComposerMode = 'internal-note',
): Decision<MentionUnavailableReason> {
  if (mode === 'public-reply') return deny('public-reply');
  if (!settings.collaborationEnabled) return deny('collaboration-off');
  if (conversation.channel === 'live-chat') return deny('live-chat');
  if (!ROLES_THAT_ADD_FOLLOWERS.has(agent.role)) return deny('role-cannot-add-followers');
  if (accessOf(conversation, agent.id) !== 'edit') return deny('no-edit-permission');
  return ALLOWED;
}

/** R4, R7: may `agent` write in this conversation at all (either mode)? View-only agents may not. */
export function canWrite(agent: Agent, conversation: Conversation): Decision<'no-edit-permission'> {
  return accessOf(conversation, agent.id) === 'edit' ? ALLOWED : deny('no-edit-permission');
}

export type AddFollowerRefusal =
  | MentionUnavailableReason
  | 'not-an-agent'
  | 'already-participant'
  | 'target-cannot-view';

/** R5, R6, R7: may `actor` add `target` as a follower (by mention or directly)? Self-invites are fine. */
export function canAddFollower(
  actor: Agent,
  target: Person,
  conversation: Conversation,
  settings: Settings,
): Decision<AddFollowerRefusal> {
  const mention = canMention(actor, conversation, settings);
  if (!mention.allowed) return mention;
  if (target.kind !== 'agent') return deny('not-an-agent');
  if (isParticipant(conversation, target.id)) return deny('already-participant');
  if (!canView(conversation, target.id) && settings.mentionWithoutAccess === 'skip') {
    return deny('target-cannot-view');
  }
  return ALLOWED;
}

export type RemoveFollowerRefusal =
  | 'role-cannot-remove-followers'
  | 'no-edit-permission'
  | 'not-a-follower';

/** R10: agents and admins with edit permission see the X and may remove any follower. */
export function canRemoveFollower(
  actor: Agent,
  conversation: Conversation,
  followerId?: string,
): Decision<RemoveFollowerRefusal> {
  if (!ROLES_THAT_ADD_FOLLOWERS.has(actor.role)) return deny('role-cannot-remove-followers');
  if (accessOf(conversation, actor.id) !== 'edit') return deny('no-edit-permission');
  if (followerId !== undefined && !conversation.followerIds.includes(followerId)) {
    return deny('not-a-follower');
  }
  return ALLOWED;
}

/** R5: only agents may ever appear in the autocomplete or be mentioned. */
export function isMentionable(person: Person): person is Agent {
  return person.kind === 'agent';
}

/** How a suggestion is labelled next to the name (R7 flags agents who cannot view). */
export type MentionHint = 'assignee' | 'follower' | 'cannot-view' | null;

export function mentionHint(conversation: Conversation, agentId: string): MentionHint {
  if (conversation.assigneeId === agentId) return 'assignee';
  if (conversation.followerIds.includes(agentId)) return 'follower';
  if (!canView(conversation, agentId)) return 'cannot-view';
  return null;
}

export interface MentionPlan {
  /** Mentioned agents the submit will add as followers (R6). */
  readonly add: readonly Agent[];
  /** Mentioned agents who cannot view the conversation, flagged before submit (R7). */
  readonly cannotView: readonly Agent[];
  /** Mentioned ids that are not agents, or unknown: the submit is refused (R5). */
  readonly invalidIds: readonly string[];
}

/** R5–R7 for one note: who its mentions add, who is flagged, what is refused. */
export function planMentions(
  actor: Agent,
  conversation: Conversation,
  settings: Settings,
  mentionIds: readonly string[],
  people: (id: string) => Person | undefined,
): MentionPlan {
  const add: Agent[] = [];
  const cannotView: Agent[] = [];
  const invalidIds: string[] = [];
  for (const id of mentionIds) {
    const person = people(id);
    if (!person || !isMentionable(person)) {
      invalidIds.push(id);
      continue;
    }
    if (!canView(conversation, id)) cannotView.push(person);
    if (canAddFollower(actor, person, conversation, settings).allowed) add.push(person);
  }
  return { add, cannotView, invalidIds };
}
