import { accessOf, canMention, canView, planMentions } from '../policy';
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

const MAX_REPORTED_IDS = 20;

/**
 * R3, R5, R19: what a submission says, checked without any context: the body against the
 * schema, the mentions it carries (the client's `mentionIds` must all be in it), an empty
 * message, mentions in a public reply, the mention cap. Tells a caller which people to look up.
 */
export function readSubmission(input: unknown): ReadSubmission | Refusal {
  if (!isObject(input)) return refuse('invalid-body', 'A submission must be an object');
  const { kind, mentionIds: claimed } = input;
  if (kind !== 'public-reply' && kind !== 'internal-note') {
    return refuse('invalid-body', 'kind must be public-reply or internal-note');
  }
  const checked = checkRichText(input.body);
  if (!checked.ok) return checked;
  const { doc: body, mentionIds } = checked;
  if (claimed !== undefined) {
    if (!Array.isArray(claimed)) return refuse('invalid-body', 'mentionIds must be a list');
    // R5: a mention the client claims but the body does not hold is a "ghost" mention.
    const ghosts = claimed.filter((id) => !mentionIds.includes(id));
    if (ghosts.length > 0) {
      return refuse(
        'invalid-mentions',
        'mentionIds must be the mentions in the body',
        ghosts.slice(0, MAX_REPORTED_IDS).map(String),
      );
    }
  }
  if (mentionIds.length === 0 && isBlankText(toPlainText(body))) {
    return refuse('empty-message', 'Write a message first');
  }
  if (kind === 'public-reply' && mentionIds.length > 0) {
    return refuse('mentions-unavailable', 'A public reply cannot carry mentions (public-reply)');
  }
  if (mentionIds.length > BODY_LIMITS.mentions) {
    return refuse('too-many-mentions', `A note may mention at most ${BODY_LIMITS.mentions} agents`);
  }
  return { ok: true, kind, body, mentionIds };
}

/** Mention labels as the directory names them now, so a label cannot pass for someone else. */
function withDirectoryNames(node: RichTextNode, nameOf: (id: string) => string | undefined) {
  if (node.type === MENTION_NODE) {
    const name = nameOf(node.attrs?.id as string);
    return name === undefined || name === node.attrs?.label
      ? node
      : { ...node, attrs: { ...node.attrs, label: name } };
  }
  if (!node.content) return node;
  const content = node.content.map((child): RichTextNode => withDirectoryNames(child, nameOf));
  return content.every((child, index) => child === node.content?.[index])
    ? node
    : { ...node, content };
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
  if (!canView(conversation, author.id)) {
    return refuse('not-found', `No conversation ${conversation.id}`);
  }
  const authorId = isObject(input) ? input.authorId : undefined;
  if (authorId !== undefined && authorId !== author.id) {
    return refuse('forbidden', `${author.name} cannot post as someone else`);
  }
  if (accessOf(conversation, author.id) !== 'edit') {
    return refuse('forbidden', `${author.name} can only view this conversation`);
  }
  const read = readSubmission(input);
  if (!read.ok) return read;
  let { body } = read;
  let addFollowerIds: string[] = [];
  if (read.mentionIds.length > 0) {
    const mention = canMention(author, conversation, settings, read.kind);
    if (!mention.allowed) {
      return refuse('mentions-unavailable', `@mentions are unavailable here (${mention.reason})`);
    }
    const byId = new Map(people.map((person) => [person.id, person]));
    const plan = planMentions(author, conversation, settings, read.mentionIds, (id) =>
      byId.get(id),
    );
    if (plan.invalidIds.length > 0) {
      return refuse('invalid-mentions', 'Only agents can be mentioned', plan.invalidIds);
    }
    addFollowerIds = plan.add.map((agent) => agent.id);
    body = withDirectoryNames(body, (id) => byId.get(id)?.name);
  }
  return { ...read, body, text: toPlainText(body), addFollowerIds };
}
