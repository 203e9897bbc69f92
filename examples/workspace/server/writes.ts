import {
  type AcceptedSubmission,
  type Agent,
  type Conversation,
  canView,
  checkFollowerChange,
  checkSubmission,
  type Message,
  notificationsForMessage,
  readSubmission,
} from '@aside/core';
import type { ConversationChange } from './changes';
import type { Database, Queryable } from './database';
import { badRequest, notFound, refused } from './errors';
import { appendEvents } from './events';
import {
  bumpVersion,
  findMessageByKey,
  findPeople,
  loadConversationHead,
  loadSettings,
  type StoredMessageRow,
  toMessage,
} from './repository';

export interface SubmitInput {
  readonly idempotencyKey: string;
  /** The request body as sent; the core's `checkSubmission` decides what of it is stored. */
  readonly submission: unknown;
}

// Ids reach SQL as text: NUL and lone surrogates would make PostgreSQL fail (a 500), not refuse.
const USABLE_ID = /^(?:[^\0\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff]){1,200}$/;
export const isUsableId = (id: unknown): id is string =>
  typeof id === 'string' && USABLE_ID.test(id);

/** Loads and locks a conversation the actor can see; otherwise it does not exist for them. */
async function lockVisible(tx: Queryable, id: string, actor: Agent): Promise<Conversation> {
  const conversation = isUsableId(id)
    ? await loadConversationHead(tx, id, { forUpdate: true })
    : null;
  if (!conversation || !canView(conversation, actor.id)) throw notFound(`conversation ${id}`);
  return conversation;
}

type SubmitResult = { message: Message; change: ConversationChange; repeated: boolean };

const SUBMIT_LOCK = 74_023;

const messageAdded = (row: StoredMessageRow, version: number): ConversationChange => ({
  type: 'message-added',
  conversationId: row.conversation_id,
  version,
  message: toMessage(row),
  ...(row.follower_ids ? { followerIds: row.follower_ids } : {}),
});

/**
 * The first result for a key the author already used, if they can still view its conversation:
 * an agent whose access was revoked gets 404, never the message.
 */
async function replay(
  tx: Queryable,
  author: Agent,
  key: string,
  conversationId: string,
): Promise<SubmitResult | null> {
  const earlier = await findMessageByKey(tx, author.id, key);
  if (!earlier) return null;
  const conversation = await loadConversationHead(tx, earlier.conversation_id);
  if (!conversation || !canView(conversation, author.id)) {
    throw notFound(`conversation ${conversationId}`);
  }
  // Messages stored before versions were recorded replay at the conversation's version.
  const version = earlier.version === null ? conversation.version : Number(earlier.version);
  return { message: toMessage(earlier), change: messageAdded(earlier, version), repeated: true };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * R3–R7, R16, R19 on the server: the author is the session's agent, and the core's
 * `checkSubmission` decides on the conversation as it is now, inside the transaction that
 * stores the result: body, text, mentions and followers are derived, never taken from the
 * client. A key already used returns the first result. Nothing here reads the conversation's
 * messages: a write costs the same in an empty conversation and in a long one.
 */
export async function submitMessage(
  db: Database,
  author: Agent,
  conversationId: string,
  input: SubmitInput,
): Promise<SubmitResult> {
  const key = input.idempotencyKey;
  try {
    return await db.transaction(async (tx) => {
      // Requests racing one key wait for each other, whichever conversation they name.
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        SUBMIT_LOCK,
        `${author.id}\n${key}`,
      ]);
      const before = await lockVisible(tx, conversationId, author);
      const earlier = await replay(tx, author, key, conversationId);
      if (earlier) return earlier;
      const read = readSubmission(input.submission);
      const decision = checkSubmission(input.submission, {
        author,
        conversation: before,
        settings: await loadSettings(tx),
        people: read.ok ? await findPeople(tx, read.mentionIds) : [],
      });
      if (!decision.ok) throw refused(decision);
      return insertMessage(db, tx, author, before, key, decision);
    });
  } catch (error) {
    // Belt and braces: should two inserts still meet the unique key, the loser gets the first.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await db.transaction((tx) => replay(tx, author, key, conversationId));
    if (!earlier) throw error;
    return earlier;
  }
}

async function insertMessage(
  db: Database,
  tx: Queryable,
  author: Agent,
  before: Conversation,
  key: string,
  decision: AcceptedSubmission,
): Promise<SubmitResult> {
  for (const id of decision.addFollowerIds) {
    await tx.query('INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2)', [
      before.id,
      id,
    ]);
  }
  const followerIds = decision.addFollowerIds.length
    ? [...before.followerIds, ...decision.addFollowerIds]
    : null;
  // One change, one version, even when the message also adds followers.
  const version = await bumpVersion(tx, before.id);
  const [row] = await tx.query<StoredMessageRow>(
    `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key, version, follower_ids)
     SELECT 'msg-' || s, s, $1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9, $10::jsonb FROM nextval('message_seq') AS s
     RETURNING *`,
    [
      before.id,
      author.id,
      decision.kind,
      JSON.stringify(decision.body),
      decision.text,
      JSON.stringify(decision.mentionIds),
      Date.now(),
      key,
      version,
      followerIds ? JSON.stringify(followerIds) : null,
    ],
  );
  const change = messageAdded(row!, version);
  const message = toMessage(row!);
  const after: Conversation = {
    ...before,
    followerIds: followerIds ?? before.followerIds,
    version,
  };
  // Same ids as the core would produce, so a client that also publishes never doubles one.
  const notifications = notificationsForMessage(message, author, after);
  await appendEvents(tx, db.channel, [
    { type: 'change', payload: { change } },
    ...notifications.map((notification) => ({
      type: 'notification' as const,
      payload: { notification },
    })),
  ]);
  return { message, change, repeated: false };
}

/**
 * R5, R10, R11: the core's `checkFollowerChange`, on the conversation as it is now. A change
 * that changes nothing is answered with the list at the current version, and no event.
 */
function changeFollower(
  db: Database,
  type: 'add' | 'remove',
  actor: Agent,
  conversationId: string,
  agentId: string,
): Promise<ConversationChange> {
  return db.transaction(async (tx) => {
    const before = await lockVisible(tx, conversationId, actor);
    const [target] = type === 'add' && isUsableId(agentId) ? await findPeople(tx, [agentId]) : [];
    const decision = checkFollowerChange({
      type,
      actor,
      conversation: before,
      settings: await loadSettings(tx),
      agentId,
      target,
    });
    if (!decision.ok) throw refused(decision);
    const touched = await tx.query(
      type === 'add'
        ? 'INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING agent_id'
        : 'DELETE FROM followers WHERE conversation_id = $1 AND agent_id = $2 RETURNING agent_id',
      [conversationId, agentId],
    );
    const unchanged = {
      type: 'followers-changed',
      conversationId,
      version: before.version,
      followerIds: before.followerIds,
    } as const;
    if (touched.length === 0) return unchanged;
    const change: ConversationChange = {
      ...unchanged,
      version: await bumpVersion(tx, conversationId),
      followerIds:
        type === 'add'
          ? [...before.followerIds, agentId]
          : before.followerIds.filter((id) => id !== agentId),
    };
    await appendEvents(tx, db.channel, [{ type: 'change', payload: { change } }]);
    return change;
  });
}

export const addFollower = (db: Database, actor: Agent, conversationId: string, agentId: string) =>
  changeFollower(db, 'add', actor, conversationId, agentId);

export const removeFollower = (
  db: Database,
  actor: Agent,
  conversationId: string,
  agentId: string,
) => changeFollower(db, 'remove', actor, conversationId, agentId);

export function parseSubmit(key: string | undefined, raw: unknown): SubmitInput {
  if (!key || !isUsableId(key)) {
    throw badRequest('Idempotency-Key header is required (1–200 characters)');
  }
  return { idempotencyKey: key, submission: raw };
}
