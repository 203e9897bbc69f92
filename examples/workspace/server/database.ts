import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** The one database interface the server uses: PGlite and PostgreSQL both fit behind it. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** The NOTIFY channel for this database (and schema), so test schemas never cross-talk. */
  readonly channel: string;
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Embedded Postgres (WebAssembly, shipped in the npm package): in memory, or in `dataDir`. */
export async function createPgliteDatabase(dataDir?: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    channel: 'aside_events',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<T>(sql, [...params])).rows;
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <T>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<T>(sql, [...params])).rows,
        }),
      ),
    listen: (channel, onNotify) => db.listen(channel, onNotify),
    close: () => db.close(),
  };
}

export interface PostgresOptions {
  readonly connectionString: string;
  /** A schema of its own (created if missing): lets several test runs share one database. */
  readonly schema?: string;
  readonly maxConnections?: number;
}

/** PostgreSQL through `pg`: a pool for queries and one dedicated connection for LISTEN. */
export async function createPostgresDatabase(options: PostgresOptions): Promise<Database> {
  const { connectionString, schema } = options;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name ${schema}`);
  if (schema) {
    const setup = new pg.Client({ connectionString });
    await setup.connect();
    await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await setup.end();
  }
  const config = {
    connectionString,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({ ...config, max: options.maxConnections ?? 10 });
  const listening = new Set<() => Promise<void>>();
  const run = async <T>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[]) =>
    (await client.query(sql, [...params])).rows as T[];

  return {
    kind: 'postgres',
    channel: schema ? `aside_events_${schema}` : 'aside_events',
    query: (sql, params = []) => run(pool, sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params = []) => run(client, sql, params) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const stop = await listenWithReconnect(config, channel, onNotify);
      listening.add(stop);
      return async () => {
        listening.delete(stop);
        await stop();
      };
    },
    async close() {
      await Promise.all([...listening].map((stop) => stop()));
      await pool.end();
    },
  };
}

/** Shown in `pg_stat_activity.application_name`, so operators (and tests) find the listener. */
export const LISTEN_APPLICATION_NAME = 'aside-listen';
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * One dedicated connection that LISTENs. When it drops (server restart, failover, an idle
 * timeout), it is opened again with backoff, and `onNotify('')` then tells the caller to read
 * what it may have missed meanwhile.
 */
async function listenWithReconnect(
  config: pg.ClientConfig,
  channel: string,
  onNotify: (payload: string) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const connect = async () => {
    const next = new pg.Client({ ...config, application_name: LISTEN_APPLICATION_NAME });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    // Errors end the connection; 'end' below reconnects.
    next.on('error', () => {});
    next.on('end', () => {
      if (client === next) client = null;
      if (!stopped) scheduleReconnect();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners('end');
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
  };

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** failures);
    retry = setTimeout(async () => {
      retry = undefined;
      try {
        await connect();
        failures = 0;
        onNotify('');
      } catch {
        failures++;
        scheduleReconnect();
      }
    }, delay);
    retry.unref?.();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/** `DATABASE_URL` set: PostgreSQL; otherwise PGlite (in `dataDir` if given, else in memory). */
export function openDatabase(
  env: { DATABASE_URL?: string; DATA_DIR?: string; DATABASE_SCHEMA?: string } = process.env,
): Promise<Database> {
  if (env.DATABASE_URL) {
    return createPostgresDatabase({
      connectionString: env.DATABASE_URL,
      ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
    });
  }
  return createPgliteDatabase(env.DATA_DIR);
}
