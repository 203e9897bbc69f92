import {
  type Agent,
  accessOf,
  type Conversation,
  canAddFollower,
  canMention,
  canRemoveFollower,
  canView,
  type Message,
  notificationsForMessage,
  planMentions,
  type RichTextNode,
} from '@aside/core';
import type { Database, Queryable } from './database';
import { ApiError, badRequest, forbidden, notFound } from './errors';
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
  readonly authorId?: string;
  readonly kind: Message['kind'];
  readonly body: RichTextNode;
  readonly text: string;
  readonly mentionIds: readonly string[];
  readonly addFollowerIds: readonly string[];
}

/** Loads and locks a conversation the actor can see; otherwise it does not exist for them. */
async function lockVisible(tx: Queryable, id: string, actor: Agent): Promise<Conversation> {
  const conversation = await loadConversation(tx, id, { forUpdate: true });
  if (!conversation || !canView(conversation, actor.id)) throw notFound(`conversation ${id}`);
  return conversation;
}

async function changed(db: Database, tx: Queryable, id: string): Promise<Conversation> {
  await bumpVersion(tx, id);
  const after = (await loadConversation(tx, id))!;
  await appendEvents(tx, db.channel, [{ type: 'conversation', payload: { conversation: after } }]);
  return after;
}

/**
 * R3–R7, R16 on the server: the author is the session's agent, followers come from the
 * server's own mention plan, and a key already used returns the first result.
 */
export function submitMessage(
  db: Database,
  author: Agent,
  conversationId: string,
  input: SubmitInput,
): Promise<{ message: Message; conversation: Conversation; repeated: boolean }> {
  return db.transaction(async (tx) => {
    const before = await lockVisible(tx, conversationId, author);
    const earlier = await findMessageByKey(tx, author.id, input.idempotencyKey);
    if (earlier) {
      const conversation = (await loadConversation(tx, earlier.conversationId))!;
      return { message: earlier, conversation, repeated: true };
    }
    if (input.authorId !== undefined && input.authorId !== author.id) {
      throw forbidden(`${author.name} cannot post as ${input.authorId}`);
    }
    if (accessOf(before, author.id) !== 'edit') {
      throw forbidden(`${author.name} can only view this conversation`);
    }
    if (input.text.trim() === '') throw new ApiError(400, 'empty-message', 'Write a message first');
    const settings = await loadSettings(tx);
    let addIds: string[] = [];
    if (input.kind === 'public-reply') {
      if (input.mentionIds.length > 0 || input.addFollowerIds.length > 0) {
        throw forbidden('A public reply cannot carry mentions');
      }
    } else if (input.mentionIds.length > 0) {
      const mention = canMention(author, before, settings, input.kind);
      if (!mention.allowed) {
        throw new ApiError(
          403,
          'mentions-unavailable',
          `@mentions are unavailable (${mention.reason})`,
        );
      }
      const people = new Map((await findPeople(tx, input.mentionIds)).map((p) => [p.id, p]));
      const plan = planMentions(author, before, settings, input.mentionIds, (id) => people.get(id));
      if (plan.invalidIds.length > 0) {
        throw new ApiError(
          422,
          'invalid-mentions',
          'Only agents can be mentioned',
          plan.invalidIds,
        );
      }
      addIds = plan.add.map((agent) => agent.id);
    }
    const forged = input.addFollowerIds.filter((id) => !addIds.includes(id));
    if (forged.length > 0) {
      throw new ApiError(403, 'forbidden', `${author.name} cannot add these followers`, forged);
    }

    const [row] = await tx.query<{ id: string; created_at: number }>(
      `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
       SELECT 'msg-' || s, s, $1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8 FROM nextval('message_seq') AS s
       RETURNING id, created_at`,
      [
        conversationId,
        author.id,
        input.kind,
        JSON.stringify(input.body),
        input.text,
        JSON.stringify(input.mentionIds),
        Date.now(),
        input.idempotencyKey,
      ],
    );
    for (const id of addIds) {
      await tx.query('INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2)', [
        conversationId,
        id,
      ]);
    }
    const after = await changed(db, tx, conversationId);
    const message = after.messages.find((m) => m.id === row!.id)!;
    // Same ids as the core would produce, so a client that also publishes never doubles one.
    const notifications = notificationsForMessage(message, author, after);
    await appendEvents(
      tx,
      db.channel,
      notifications.map((notification) => ({ type: 'notification', payload: { notification } })),
    );
    return { message, conversation: after, repeated: false };
  });
}

export function addFollower(
  db: Database,
  actor: Agent,
  conversationId: string,
  agentId: string,
): Promise<Conversation> {
  return db.transaction(async (tx) => {
    const before = await lockVisible(tx, conversationId, actor);
    const [target] = await findPeople(tx, [agentId]);
    if (!target) throw notFound(`agent ${agentId}`);
    const decision = canAddFollower(actor, target, before, await loadSettings(tx));
    if (!decision.allowed) {
      throw forbidden(`${actor.name} cannot add ${target.name} (${decision.reason})`);
    }
    await tx.query('INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2)', [
      conversationId,
      agentId,
    ]);
    return changed(db, tx, conversationId);
  });
}

export function removeFollower(
  db: Database,
  actor: Agent,
  conversationId: string,
  agentId: string,
): Promise<Conversation> {
  return db.transaction(async (tx) => {
    const before = await lockVisible(tx, conversationId, actor);
    const decision = canRemoveFollower(actor, before, agentId);
    if (!decision.allowed) {
      throw forbidden(`${actor.name} cannot remove ${agentId} (${decision.reason})`);
    }
    await tx.query('DELETE FROM followers WHERE conversation_id = $1 AND agent_id = $2', [
      conversationId,
      agentId,
    ]);
    return changed(db, tx, conversationId);
  });
}

export function parseSubmit(key: string | undefined, raw: unknown): SubmitInput {
  if (!key || key.length > 200) throw badRequest('Idempotency-Key header is required');
  const body = (raw ?? {}) as Record<string, unknown>;
  const strings = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string')
      ? (value as string[])
      : null;
  const mentionIds = strings(body.mentionIds ?? []);
  const addFollowerIds = strings(body.addFollowerIds ?? []);
  if (body.kind !== 'public-reply' && body.kind !== 'internal-note') {
    throw badRequest('kind must be public-reply or internal-note');
  }
  if (typeof body.body !== 'object' || body.body === null || typeof body.text !== 'string') {
    throw badRequest('body (a rich-text document) and text are required');
  }
  if (!mentionIds || !addFollowerIds) throw badRequest('mentionIds and addFollowerIds: string[]');
  return {
    idempotencyKey: key,
    ...(typeof body.authorId === 'string' ? { authorId: body.authorId } : {}),
    kind: body.kind,
    body: body.body as RichTextNode,
    text: body.text,
    mentionIds: [...new Set(mentionIds)],
    addFollowerIds,
  };
}
