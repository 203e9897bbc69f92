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
  const listeners: pg.Client[] = [];
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
      const client = new pg.Client(config);
      await client.connect();
      listeners.push(client);
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '');
      });
      // A lost LISTEN connection only delays delivery: the event hub also polls.
      client.on('error', () => {});
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.map((client) => client.end().catch(() => {})));
      await pool.end();
    },
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
