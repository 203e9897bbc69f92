import type { Database } from './database';

export interface RetentionOptions {
  /** Events kept, newest first (default 50,000); `Infinity`: no limit by count. */
  readonly retainEvents: number;
  /** How long an event is kept, in ms (default 24 h); `Infinity`: no limit by age. */
  readonly retainMs: number;
  /** At most one prune per this many ms (default 1000). */
  readonly pruneEveryMs: number;
}

export const DEFAULT_RETAIN_EVENTS = 50_000;
export const DEFAULT_RETAIN_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_PRUNE_EVERY_MS = 1_000;

/** One server prunes at a time; the others skip (the next one catches up). */
const PRUNE_LOCK = 74_024;

/**
 * Deletes the events outside the window (by count, by age, whichever cuts more), always keeping
 * the newest one, and records the newest id deleted: a client resuming from before it is told
 * to reload (`resync` `expired`) instead of silently missing events.
 */
export async function pruneEvents(db: Database, options: RetentionOptions): Promise<void> {
  const cuts: string[] = [];
  const params: number[] = [];
  if (Number.isFinite(options.retainEvents)) {
    params.push(Math.max(1, Math.floor(options.retainEvents)) - 1);
    cuts.push(`(SELECT id FROM events ORDER BY id DESC OFFSET $${params.length} LIMIT 1) - 1`);
  }
  if (Number.isFinite(options.retainMs)) {
    params.push(Math.max(0, options.retainMs));
    cuts.push(
      `(SELECT id FROM events WHERE created_at < now() - make_interval(secs => $${params.length}::float8 / 1000)
        ORDER BY id DESC LIMIT 1)`,
    );
  }
  if (cuts.length === 0) return;
  await db.transaction(async (tx) => {
    const [lock] = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
      PRUNE_LOCK,
    ]);
    if (!lock?.ok) return;
    const [row] = await tx.query<{ cut: string; pruned: string }>(
      `SELECT least(greatest(${cuts.map((cut) => `coalesce(${cut}, 0)`).join(', ')}),
                    (SELECT coalesce(max(id), 0) FROM events) - 1)::text AS cut,
              (SELECT coalesce(max(through), 0) FROM events_pruned)::text AS pruned`,
      params,
    );
    const cut = Number(row?.cut ?? 0);
    if (cut <= Number(row?.pruned ?? 0)) return;
    await tx.query('DELETE FROM events WHERE id <= $1', [cut]);
    await tx.query('UPDATE events_pruned SET through = $1', [cut]);
  });
}

export interface Pruner {
  /** Asks for a prune: at once, or at the end of the current interval (never more often). */
  poke(): void;
  stop(): Promise<void>;
}

export function startPruner(db: Database, options: RetentionOptions): Pruner {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    timer = undefined;
    last = Date.now();
    running = running
      .then(() => (stopped ? undefined : pruneEvents(db, options)))
      .catch((error) => console.error('events: prune failed', error));
  };
  // Events also age without new writes: look again now and then.
  const ageCheck = setInterval(() => pruner.poke(), Math.max(options.pruneEveryMs, 60_000));
  ageCheck.unref?.();
  const pruner: Pruner = {
    poke() {
      if (stopped || timer) return;
      const wait = last + options.pruneEveryMs - Date.now();
      if (wait <= 0) run();
      else {
        timer = setTimeout(run, wait);
        timer.unref?.();
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(ageCheck);
      await running;
    },
  };
  return pruner;
}
