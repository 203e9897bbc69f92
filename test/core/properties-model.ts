// A reference model of R2–R11, written from the spec's words alone: it never calls the core's
// policy (canMention, planMentions, canAddFollower…) or its rich-text helpers, so it can tell
// the core it is wrong. Adjust it here when the spec changes; the property tests only ask it.

export type Mode = 'public-reply' | 'internal-note';
export type Role = 'admin' | 'agent' | 'light-agent' | 'contributor' | 'chat-only-agent';
export type Access = 'edit' | 'view' | 'none';

export interface ModelPerson {
  readonly id: string;
  readonly kind: 'agent' | 'end-user';
  readonly role?: Role;
}

export interface ModelConversation {
  readonly id: string;
  readonly channel: 'messaging' | 'ticket' | 'live-chat';
  readonly assigneeId: string | null;
  followerIds: string[];
  readonly access: Readonly<Record<string, Access>>;
  readonly defaultAccess: Access;
}

export interface ModelSettings {
  collaborationEnabled: boolean;
  mentionWithoutAccess: 'add' | 'skip';
}

/** A note as the test builds it: inline pieces of one paragraph. */
export type Piece = { readonly text: string } | { readonly mentionId: string };

/**
 * Refusal codes a submit may answer with. When several rules refuse one note the spec does
 * not say which wins, so the model returns every code that applies and the store must pick one.
 */
export type SubmitRefusal =
  | 'empty-message'
  | 'mentions-unavailable'
  | 'invalid-mentions'
  | 'not-found'
  | 'forbidden';

export interface ModelOptions {
  /**
   * May an agent with view access only post? R4's view-only rule: the core's submission check
   * refuses them (`forbidden`) in the store, the in-memory backend and the server alike.
   */
  readonly viewersMayPost?: boolean;
}

export type SubmitExpectation =
  | {
      readonly accepted: true;
      readonly mentionIds: readonly string[];
      readonly adds: readonly string[];
    }
  | { readonly accepted: false; readonly codes: readonly SubmitRefusal[] };

// Characters an agent cannot see: a note of only these is empty (R19's submission check).
const INVISIBLE = /\s|\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/** True when `text` shows nothing to a reader. */
export const isBlankText = (text: string) => text.replace(INVISIBLE, '') === '';

const ROLES_WITH_FOLLOWER_RIGHTS: readonly Role[] = ['admin', 'agent'];

export function createModel(
  people: readonly ModelPerson[],
  conversation: ModelConversation,
  settings: ModelSettings,
  options: ModelOptions = {},
) {
  const viewersMayPost = options.viewersMayPost ?? false;
  const byId = new Map(people.map((person) => [person.id, person]));
  const isAgent = (id: string) => byId.get(id)?.kind === 'agent';

  const access = (id: string): Access =>
    conversation.assigneeId === id
      ? 'edit'
      : (conversation.access[id] ?? conversation.defaultAccess);
  const participates = (id: string) =>
    conversation.assigneeId === id || conversation.followerIds.includes(id);

  /** R3, R4: the reason mentions are off for `actorId` in `mode`, or null when they are on. */
  const mentionsOff = (actorId: string, mode: Mode): string | null => {
    if (mode === 'public-reply') return 'public-reply';
    if (!settings.collaborationEnabled) return 'collaboration-off';
    if (conversation.channel === 'live-chat') return 'live-chat';
    const role = byId.get(actorId)?.role;
    if (!role || !ROLES_WITH_FOLLOWER_RIGHTS.includes(role)) return 'role';
    if (access(actorId) !== 'edit') return 'no-edit';
    return null;
  };

  /** R6, R7: would a mention or a direct add make `targetId` a follower? */
  const wouldFollow = (targetId: string) =>
    isAgent(targetId) &&
    !participates(targetId) &&
    (access(targetId) !== 'none' || settings.mentionWithoutAccess === 'add');

  return {
    conversation,
    settings,
    access,
    canView: (id: string) => access(id) !== 'none',

    /** R2–R8 for one submit of `pieces` in `mode` by `actorId`. */
    submit(actorId: string, mode: Mode, pieces: readonly Piece[]): SubmitExpectation {
      const mentioned = pieces.flatMap((piece) => ('mentionId' in piece ? [piece.mentionId] : []));
      const blankText = isBlankText(
        pieces.map((piece) => ('text' in piece ? piece.text : '')).join(''),
      );
      const unique = [...new Set(mentioned)];
      const codes: SubmitRefusal[] = [];
      if (access(actorId) === 'none') codes.push('not-found');
      if (access(actorId) === 'view' && !viewersMayPost) codes.push('forbidden');
      if (blankText && unique.length === 0) codes.push('empty-message');
      // R3: in a public reply a mention is plain text; it adds nobody and refuses nothing.
      if (mode === 'internal-note') {
        if (unique.length > 0 && mentionsOff(actorId, mode)) codes.push('mentions-unavailable');
        if (unique.some((id) => !isAgent(id))) codes.push('invalid-mentions');
      }
      if (codes.length > 0) return { accepted: false, codes };
      if (mode === 'public-reply') return { accepted: true, mentionIds: [], adds: [] };
      return { accepted: true, mentionIds: unique, adds: unique.filter(wouldFollow) };
    },

    /** R6 (self-invite), R7, R11: may `actorId` add `targetId` directly? */
    canAdd: (actorId: string, targetId: string) =>
      mentionsOff(actorId, 'internal-note') === null && wouldFollow(targetId),

    /** R10: agents and admins with edit permission remove any follower. */
    canRemove: (actorId: string, targetId: string) => {
      const role = byId.get(actorId)?.role;
      return (
        !!role &&
        ROLES_WITH_FOLLOWER_RIGHTS.includes(role) &&
        access(actorId) === 'edit' &&
        conversation.followerIds.includes(targetId)
      );
    },

    addFollowers(ids: readonly string[]) {
      for (const id of ids)
        if (!conversation.followerIds.includes(id)) conversation.followerIds.push(id);
    },
    removeFollower(id: string) {
      conversation.followerIds = conversation.followerIds.filter((other) => other !== id);
    },
  };
}

export type Model = ReturnType<typeof createModel>;

/** Reach: how often a run went down each path, printed and held to floors. */
export class Reach {
  readonly counts = new Map<string, number>();
  hit(path: string, times = 1) {
    this.counts.set(path, (this.counts.get(path) ?? 0) + times);
  }
  of(path: string) {
    return this.counts.get(path) ?? 0;
  }
  print(title: string) {
    const rows = [...this.counts].sort(([a], [b]) => a.localeCompare(b));
    console.log(`${title}\n${rows.map(([path, n]) => `  ${path}: ${n}`).join('\n')}`);
  }
}
