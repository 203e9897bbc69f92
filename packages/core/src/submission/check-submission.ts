import { canMention, canView, canWrite, planMentions } from '../policy';
import { isBlankText, MENTION_NODE, toPlainText } from '../rich-text';
import type { Agent, ComposerMode, Conversation, Person, RichTextNode, Settings } from '../types';
import { BODY_LIMITS } from './limits';
import { type Refusal, refuse } from './refusal';
import { checkRichText, isObject } from './schema';

/**
 * A submission as a client sends it. Only `kind` and `body` decide anything: `text` and the
 * followers to add are derived, `mentionIds` is a cross-check, `addFollowerIds` is advisory.
 */
export interface SubmissionInput {
  readonly kind: unknown;
  readonly body: unknown;
  readonly mentionIds?: unknown;
  readonly addFollowerIds?: unknown;
  readonly text?: unknown;
  readonly authorId?: unknown;
}

export interface ReadSubmission {
  readonly ok: true;
  readonly kind: ComposerMode;
  readonly body: RichTextNode;
  /** Derived from the body's mention nodes, in document order, each once. */
  readonly mentionIds: readonly string[];
}

export interface AcceptedSubmission extends ReadSubmission {
  /** Derived from the body: blocks on their own lines, mentions as `@Name`. */
  readonly text: string;
  /** Derived from the mentions and the conversation as it is now (R6, R7). */
  readonly addFollowerIds: readonly string[];
}

export interface SubmissionContext {
  readonly author: Agent;
  readonly conversation: Conversation;
  readonly settings: Settings;
  /** The people behind the body's mention ids as the directory knows them now; unknown ids left out. */
  readonly people: readonly Person[];
}

/**
 * R3, R5, R19: what a submission says, checked without any context: the body against the
 * schema, the mentions it carries (the client's `mentionIds` must all be in it), an empty
 * message, mentions in a public reply, the mention cap. Tells a caller which people to look up.
 */
export function readSubmission(input: unknown): ReadSubmission | Refusal {
  const { kind, body: raw, mentionIds: claimed = [] } = isObject(input) ? input : {};
  if ((kind !== 'public-reply' && kind !== 'internal-note') || !Array.isArray(claimed)) {
    return refuse('invalid-body');
  }
  const checked = checkRichText(raw);
  if (!checked.ok) return checked;
  const { doc: body, mentionIds } = checked;
  // R5: a mention the client claims but the body does not hold is a "ghost" mention.
  const ghosts = claimed.filter((id) => !mentionIds.includes(id)).map(String);
  return ghosts.length
    ? refuse('invalid-mentions', 'ghost', ghosts)
    : !mentionIds.length && isBlankText(toPlainText(body))
      ? refuse('empty-message')
      : kind === 'public-reply' && mentionIds.length
        ? refuse('mentions-unavailable', 'public-reply')
        : mentionIds.length > BODY_LIMITS.mentions
          ? refuse('too-many-mentions')
          : { ok: true, kind, body, mentionIds };
}

/**
 * R19: the one decision on a submission, for the store (before sending), the in-memory backend
 * and any server (before storing). Refuses what must not be stored with a typed code; on
 * success returns what to store: the body, and the text, mentions and followers derived from it.
 */
export function checkSubmission(
  input: unknown,
  { author, conversation, settings, people }: SubmissionContext,
): AcceptedSubmission | Refusal {
  if (!canView(conversation, author.id)) return refuse('not-found');
  const authorId = isObject(input) ? input.authorId : undefined;
  if ((authorId ?? author.id) !== author.id || !canWrite(author, conversation).allowed) {
    return refuse('forbidden');
  }
  const read = readSubmission(input);
  if (!read.ok) return read;
  let { body } = read;
  let addFollowerIds: string[] = [];
  if (read.mentionIds.length > 0) {
    const mention = canMention(author, conversation, settings, read.kind);
    if (!mention.allowed) {
      return refuse('mentions-unavailable', mention.reason);
    }
    const byId = new Map(people.map((person) => [person.id, person]));
    const plan = planMentions(author, conversation, settings, read.mentionIds, (id) =>
      byId.get(id),
    );
    if (plan.invalidIds.length) {
      return refuse('invalid-mentions', '', plan.invalidIds);
    }
    addFollowerIds = plan.add.map((agent) => agent.id);
    // Mention labels as the directory names them now, so a label cannot pass for someone else.
    body = JSON.parse(JSON.stringify(body), (_, node) =>
      node?.type === MENTION_NODE
        ? { ...node, attrs: { ...node.attrs, label: byId.get(node.attrs.id)?.name } }
        : node,
    );
  }
  return { ...read, body, text: toPlainText(body), addFollowerIds };
}
