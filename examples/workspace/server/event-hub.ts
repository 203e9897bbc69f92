import type { Database } from './database';
import {
  type CurrentAccess,
  type EventRow,
  encodeEvent,
  isVisibleTo,
  loadCurrentAccess,
  type StoredEvent,
  toStored,
} from './events';

export interface HubClient {
  /** Called in id order for every event after the hub's position when it registered. */
  deliver(event: StoredEvent, frame: Uint8Array, access: CurrentAccess): void;
  /** Bytes sent to this client that it has not read yet (its queue). */
  queuedBytes(): number;
  drop(): void;
}

/** One page of a resuming client's backlog. */
export interface BacklogPage {
  /** The events of the page the agent may see now, in id order. */
  readonly events: readonly StoredEvent[];
  /** Every event up to this id has been considered. */
  readonly through: number;
  /** `through` is the newest event in the table: the client has caught up. */
  readonly caughtUp: boolean;
  /** Events after `after` were pruned before the client read them: it must reload. */
  readonly expired: boolean;
}

export interface EventHub {
  /** Every event up to this id has been handed to the clients registered before it. */
  readonly position: number;
  /** SSE clients connected to this process, and the bytes queued for them all. */
  stats(): { readonly clients: number; readonly queuedBytes: number };
  register(client: HubClient): () => void;
  /**
   * The newest event id (0 when none yet), and the newest id pruned: a client that has not
   * seen the events up to it cannot resume (PROTOCOL.md `resync` `expired`).
   */
  bounds(): Promise<{ readonly head: number; readonly prunedThrough: number }>;
  /** The next events after `after` for a resuming client, about `maxBytes` at most. */
  backlog(
    after: number,
    agentId: string,
    watched: ReadonlySet<string>,
    maxBytes: number,
  ): Promise<BacklogPage>;
  /** Closes every live stream (clients reconnect); for tests of dropped connections. */
  dropAll(): void;
  stop(): Promise<void>;
}

export interface HubOptions {
  /** The safety-net poll, in ms (default 2000); 0 turns it off: only NOTIFY wakes the hub. */
  readonly pollMs?: number;
  /** Called after new events were read (the server prunes old ones then). */
  readonly afterRead?: () => void;
}

const BATCH = 100;
const BACKLOG_ROWS = 200;
export const DEFAULT_POLL_MS = 2_000;

/**
 * Follows the events table: woken by NOTIFY from any server process (and by a slow poll in
 * case a notification was missed, unless turned off), it reads rows after its position in id
 * order and hands each to this process's SSE clients.
 */
export async function startEventHub(db: Database, options: HubOptions = {}): Promise<EventHub> {
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
      const events = rows.map(toStored);
      const access = await loadCurrentAccess(db, events);
      for (const event of events) {
        position = event.id;
        const frame = encodeEvent(event);
        for (const client of [...clients]) client.deliver(event, frame, access);
      }
      if (events.length > 0) options.afterRead?.();
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
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const timer = pollMs > 0 ? setInterval(pull, pollMs) : undefined;
  timer?.unref?.();

  return {
    get position() {
      return position;
    },
    stats() {
      let queuedBytes = 0;
      for (const client of clients) queuedBytes += client.queuedBytes();
      return { clients: clients.size, queuedBytes };
    },
    register(client) {
      clients.add(client);
      return () => clients.delete(client);
    },
    async bounds() {
      const [row] = await db.query<{ head: string; pruned: string }>(
        `SELECT (SELECT coalesce(max(id), 0) FROM events)::text AS head,
                (SELECT coalesce(max(through), 0) FROM events_pruned)::text AS pruned`,
      );
      return { head: Number(row?.head ?? 0), prunedThrough: Number(row?.pruned ?? 0) };
    },
    async backlog(after, agentId, watched, maxBytes) {
      // Sizes first, then the payloads of a page that fits in `maxBytes` (at least one event),
      // so a client resuming far behind never makes the server hold its whole backlog.
      const heads = await db.query<{
        head: string;
        pruned: string;
        id: string | null;
        size: number | null;
      }>(
        `WITH top AS (SELECT coalesce(max(id), 0) AS head,
                             (SELECT coalesce(max(through), 0) FROM events_pruned) AS pruned
                      FROM events)
         SELECT top.head::text AS head, top.pruned::text AS pruned, e.id::text AS id, e.size
         FROM top LEFT JOIN LATERAL (
           SELECT id, octet_length(payload::text) AS size FROM events
           WHERE events.id > $1 AND events.id <= top.head AND (
             (type = 'notification' AND recipient_id = $2)
             OR (type = 'change' AND conversation_id IN (SELECT jsonb_array_elements_text($3::jsonb)))
             OR type = 'settings')
           ORDER BY events.id LIMIT $4) e ON true`,
        [after, agentId, JSON.stringify([...watched]), BACKLOG_ROWS],
      );
      const head = Number(heads[0]?.head ?? 0);
      if (Number(heads[0]?.pruned ?? 0) > after) {
        return { events: [], through: head, caughtUp: true, expired: true };
      }
      const candidates = heads.filter((row) => row.id !== null);
      const page: string[] = [];
      let bytes = 0;
      for (const row of candidates) {
        if (page.length > 0 && bytes + Number(row.size) > maxBytes) break;
        page.push(row.id as string);
        bytes += Number(row.size);
      }
      const complete = page.length === candidates.length && candidates.length < BACKLOG_ROWS;
      const rows = page.length
        ? await db.query<EventRow>(
            `SELECT id::text AS id, type, recipient_id, conversation_id, payload FROM events
             WHERE events.id IN (SELECT jsonb_array_elements_text($1::jsonb)::bigint) ORDER BY events.id`,
            [JSON.stringify(page)],
          )
        : [];
      // Pruned between the two reads: the page has a hole, so the client must reload.
      if (rows.length < page.length) {
        return { events: [], through: head, caughtUp: true, expired: true };
      }
      const events = rows.map(toStored);
      const access = await loadCurrentAccess(db, events);
      const through = complete ? Math.max(after, head) : Number(page.at(-1));
      return {
        events: events.filter((event) => isVisibleTo(event, agentId, watched, access)),
        through,
        caughtUp: complete,
        expired: false,
      };
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
