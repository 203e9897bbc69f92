import type { Access, Conversation, NotificationEvent, Settings } from '@aside/core';
import { canView } from '@aside/core';
import type { ConversationChange } from './changes';
import type { Queryable } from './database';
import { type ConversationRow, toConversation } from './repository';

/** What the events table holds: a conversation's change (never the conversation), and more. */
export type LiveEvent =
  | { readonly type: 'change'; readonly payload: { readonly change: ConversationChange } }
  | {
      readonly type: 'notification';
      readonly payload: { readonly notification: NotificationEvent };
    }
  | { readonly type: 'settings'; readonly payload: { readonly settings: Settings } };

export type StoredEvent = LiveEvent & {
  readonly id: number;
  readonly recipientId: string | null;
  readonly conversationId: string | null;
};

/** Serialises event writers, so ids become visible in commit order and readers never skip one. */
const EVENTS_LOCK = 74_023;

/** Written in the transaction of the change itself: no change without its events. */
export async function appendEvents(
  tx: Queryable,
  channel: string,
  events: readonly LiveEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
  const rows = events.map((event) => ({
    type: event.type,
    recipient_id: event.type === 'notification' ? event.payload.notification.recipientId : null,
    conversation_id:
      event.type === 'change'
        ? event.payload.change.conversationId
        : event.type === 'notification'
          ? event.payload.notification.conversationId
          : null,
    payload: event.payload,
  }));
  const [last] = await tx.query<{ id: string }>(
    `INSERT INTO events (type, recipient_id, conversation_id, payload)
     SELECT e.value->>'type', e.value->>'recipient_id', e.value->>'conversation_id', e.value->'payload'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, n)
     ORDER BY e.n
     RETURNING id::text AS id`,
    [JSON.stringify(rows)],
  );
  // Delivered at commit, to every server LISTENing on this database.
  await tx.query('SELECT pg_notify($1, $2)', [channel, last?.id ?? '']);
}

export interface EventRow {
  id: string;
  type: StoredEvent['type'];
  recipient_id: string | null;
  conversation_id: string | null;
  payload: StoredEvent['payload'];
}

export const toStored = (row: EventRow) =>
  ({
    id: Number(row.id),
    type: row.type,
    recipientId: row.recipient_id,
    conversationId: row.conversation_id,
    payload: row.payload,
  }) as StoredEvent;

/** What an SSE client receives for an event: encoded once, shared by every client it goes to. */
export const encodeEvent = (event: StoredEvent): Uint8Array =>
  new TextEncoder().encode(
    `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`,
  );

/** Conversations as they are now (without messages or followers): who may view them today. */
export type CurrentAccess = ReadonlyMap<string, Conversation>;

export const loadCurrentAccess = (db: Queryable, events: readonly StoredEvent[]) =>
  loadAccessOf(db, [...new Set(events.flatMap((event) => event.conversationId ?? []))]);

/** The versions of the conversations among `ids` that the agent may view now. */
export async function currentVersions(
  db: Queryable,
  agentId: string,
  ids: ReadonlySet<string>,
): Promise<Record<string, number>> {
  const access = await loadAccessOf(db, [...ids]);
  return Object.fromEntries(
    [...access.values()].flatMap((c) => (canView(c, agentId) ? [[c.id, c.version]] : [])),
  );
}

async function loadAccessOf(db: Queryable, ids: readonly string[]): Promise<CurrentAccess> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<ConversationRow & { access: Record<string, Access> }>(
    `SELECT c.id, c.channel, c.subject, c.requester_id, c.assignee_id, c.default_access, c.version,
            coalesce((SELECT jsonb_object_agg(a.agent_id, a.access) FROM conversation_access a
                      WHERE a.conversation_id = c.id), '{}'::jsonb) AS access
     FROM conversations c WHERE c.id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      toConversation(row, { access: row.access, followerIds: [], messages: [] }),
    ]),
  );
}

/**
 * Who may see an event, decided when it is sent from the access the agent has NOW (not the
 * access recorded in the event): the recipient of a notification, viewers watching a
 * conversation. An agent whose access was revoked gets nothing more, backlog included.
 */
export function isVisibleTo(
  event: StoredEvent,
  agentId: string,
  watched: ReadonlySet<string>,
  access: CurrentAccess,
): boolean {
  const conversation = event.conversationId ? access.get(event.conversationId) : undefined;
  if (event.type === 'notification') {
    return (
      event.recipientId === agentId &&
      (event.conversationId === null || (!!conversation && canView(conversation, agentId)))
    );
  }
  if (event.type === 'change') {
    return (
      !!event.conversationId &&
      watched.has(event.conversationId) &&
      !!conversation &&
      canView(conversation, agentId)
    );
  }
  return true;
}
