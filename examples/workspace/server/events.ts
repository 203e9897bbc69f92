import type { Conversation, NotificationEvent, Settings } from '@aside/core';
import { canView } from '@aside/core';
import type { Database, Queryable } from './database';

export type LiveEvent =
  | { readonly type: 'conversation'; readonly payload: { readonly conversation: Conversation } }
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
      event.type === 'conversation'
        ? event.payload.conversation.id
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

interface EventRow {
  id: string;
  type: StoredEvent['type'];
  recipient_id: string | null;
  conversation_id: string | null;
  payload: StoredEvent['payload'];
}

const toStored = (row: EventRow) =>
  ({
    id: Number(row.id),
    type: row.type,
    recipientId: row.recipient_id,
    conversationId: row.conversation_id,
    payload: row.payload,
  }) as StoredEvent;

/** Who may see an event: the recipient of a notification; viewers watching a conversation. */
export function isVisibleTo(
  event: StoredEvent,
  agentId: string,
  watched: ReadonlySet<string>,
): boolean {
  if (event.type === 'notification') return event.recipientId === agentId;
  if (event.type === 'conversation') {
    return (
      watched.has(event.payload.conversation.id) && canView(event.payload.conversation, agentId)
    );
  }
  return true;
}

export interface HubClient {
  deliver(event: StoredEvent): void;
  drop(): void;
}

export interface EventHub {
  /** Every event up to this id has been handed to the clients registered before it. */
  readonly position: number;
  register(client: HubClient): () => void;
  /** Events after `id` an agent watching `watched` may need, for a resuming client. */
  since(id: number, agentId: string, watched: ReadonlySet<string>): Promise<StoredEvent[]>;
  /** Closes every live stream (clients reconnect); for tests of dropped connections. */
  dropAll(): void;
  stop(): Promise<void>;
}

const BATCH = 500;
const POLL_MS = 2_000;

/**
 * Follows the events table: woken by NOTIFY from any server process, and by a slow poll in case
 * a notification was missed, it reads rows after its position in id order and hands each to
 * this process's SSE clients.
 */
export async function startEventHub(db: Database): Promise<EventHub> {
  const [top] = await db.query<{ id: string }>(
    'SELECT coalesce(max(id), 0)::text AS id FROM events',
  );
  let position = Number(top?.id ?? 0);
  const clients = new Set<HubClient>();
  let pulling: Promise<void> = Promise.resolve();
  let again = false;
  let stopped = false;

  const pullOnce = async () => {
    for (;;) {
      const rows = await db.query<EventRow>(
        'SELECT id::text AS id, type, recipient_id, conversation_id, payload FROM events WHERE events.id > $1 ORDER BY events.id LIMIT $2',
        [position, BATCH],
      );
      for (const row of rows) {
        const event = toStored(row);
        position = event.id;
        for (const client of [...clients]) client.deliver(event);
      }
      if (rows.length < BATCH) return;
    }
  };

  // One reader at a time; a wake-up during a read causes one more read, not a parallel one.
  const pull = () => {
    if (stopped) return;
    if (again) return;
    again = true;
    pulling = pulling.then(async () => {
      again = false;
      // A failed read leaves the position alone: the next wake-up or poll reads again.
      if (!stopped)
        await pullOnce().catch((error) => console.error('event hub: read failed', error));
    });
  };

  const unlisten = await db.listen(db.channel, pull);
  const timer = setInterval(pull, POLL_MS);
  timer.unref?.();

  return {
    get position() {
      return position;
    },
    register(client) {
      clients.add(client);
      return () => clients.delete(client);
    },
    async since(id, agentId, watched) {
      const rows = await db.query<EventRow>(
        `SELECT id::text AS id, type, recipient_id, conversation_id, payload FROM events
         WHERE events.id > $1 AND (
           (type = 'notification' AND recipient_id = $2)
           OR (type = 'conversation' AND conversation_id IN (SELECT jsonb_array_elements_text($3::jsonb)))
           OR type = 'settings')
         ORDER BY events.id`,
        [id, agentId, JSON.stringify([...watched])],
      );
      return rows.map(toStored);
    },
    dropAll() {
      for (const client of [...clients]) client.drop();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const client of [...clients]) client.drop();
      await unlisten().catch(() => {});
      await pulling;
    },
  };
}
