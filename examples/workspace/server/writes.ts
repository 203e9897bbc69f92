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
import type { Database, Queryable } from './database';
import { badRequest, notFound, refused } from './errors';
import { appendEvents } from './events';
import {
  bumpVersion,
  findMessageByKey,
  findPeople,
  loadConversation,
  loadSettings,
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
  const conversation = isUsableId(id) ? await loadConversation(tx, id, { forUpdate: true }) : null;
  if (!conversation || !canView(conversation, actor.id)) throw notFound(`conversation ${id}`);
  return conversation;
}

async function changed(db: Database, tx: Queryable, id: string): Promise<Conversation> {
  await bumpVersion(tx, id);
  const after = (await loadConversation(tx, id))!;
  await appendEvents(tx, db.channel, [{ type: 'conversation', payload: { conversation: after } }]);
  return after;
}

type SubmitResult = { message: Message; conversation: Conversation; repeated: boolean };

const SUBMIT_LOCK = 74_023;

/**
 * The first result for a key the author already used, if they can still view its conversation:
 * an agent whose access was revoked gets 404, never the conversation.
 */
async function replay(
  tx: Queryable,
  author: Agent,
  key: string,
  conversationId: string,
): Promise<SubmitResult | null> {
  const earlier = await findMessageByKey(tx, author.id, key);
  if (!earlier) return null;
  const conversation = await loadConversation(tx, earlier.conversationId);
  if (!conversation || !canView(conversation, author.id)) {
    throw notFound(`conversation ${conversationId}`);
  }
  return { message: earlier, conversation, repeated: true };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * R3–R7, R16, R19 on the server: the author is the session's agent, and the core's
 * `checkSubmission` decides on the conversation as it is now, inside the transaction that
 * stores the result: body, text, mentions and followers are derived, never taken from the
 * client. A key already used returns the first result.
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
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
     SELECT 'msg-' || s, s, $1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8 FROM nextval('message_seq') AS s
     RETURNING id`,
    [
      before.id,
      author.id,
      decision.kind,
      JSON.stringify(decision.body),
      decision.text,
      JSON.stringify(decision.mentionIds),
      Date.now(),
      key,
    ],
  );
  for (const id of decision.addFollowerIds) {
    await tx.query('INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2)', [
      before.id,
      id,
    ]);
  }
  const after = await changed(db, tx, before.id);
  const message = after.messages.find((m) => m.id === row!.id)!;
  // Same ids as the core would produce, so a client that also publishes never doubles one.
  const notifications = notificationsForMessage(message, author, after);
  await appendEvents(
    tx,
    db.channel,
    notifications.map((notification) => ({ type: 'notification', payload: { notification } })),
  );
  return { message, conversation: after, repeated: false };
}

/** R5, R10, R11: the core's `checkFollowerChange`, on the conversation as it is now. */
function changeFollower(
  db: Database,
  type: 'add' | 'remove',
  actor: Agent,
  conversationId: string,
  agentId: string,
): Promise<Conversation> {
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
    await tx.query(
      type === 'add'
        ? 'INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2)'
        : 'DELETE FROM followers WHERE conversation_id = $1 AND agent_id = $2',
      [conversationId, agentId],
    );
    return changed(db, tx, conversationId);
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
