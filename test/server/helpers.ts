import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import {
  createPgliteDatabase,
  createPostgresDatabase,
  type Database,
  type RunningServer,
  type StartOptions,
  startServer,
} from '../../examples/workspace/server';
import { createHttpAdapters, type HttpAdapters, signIn } from '../../packages/adapter-http/src';

export const DATABASE_URL = process.env.DATABASE_URL;
export const onPostgres = Boolean(DATABASE_URL);

export type TestDatabase = Database & {
  /** Another handle on the same data: its own connections on PostgreSQL, the same PGlite. */
  another(): Promise<Database & { drop(): Promise<void> }>;
  drop(): Promise<void>;
};

/** PGlite in memory, or with DATABASE_URL a fresh schema of the real PostgreSQL. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (!DATABASE_URL) {
    const db = await createPgliteDatabase();
    return Object.assign(db, {
      drop: () => db.close(),
      another: async () => ({ ...db, drop: async () => {} }),
    });
  }
  const connectionString = DATABASE_URL;
  const schema = `aside_test_${randomBytes(6).toString('hex')}`;
  const db = await createPostgresDatabase({ connectionString, schema });
  return Object.assign(db, {
    async another() {
      const other = await createPostgresDatabase({ connectionString, schema });
      return Object.assign(other, { drop: () => other.close() });
    },
    async drop() {
      await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  });
}

export interface TestServer {
  readonly server: RunningServer;
  readonly db: Database & { drop(): Promise<void> };
  readonly baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: Partial<StartOptions> & { db?: Database & { drop(): Promise<void> } } = {},
): Promise<TestServer> {
  const db = options.db ?? (await openTestDatabase());
  const server = await startServer({ ...options, database: db });
  return {
    server,
    db,
    baseUrl: `${server.url}/api`,
    async stop() {
      await server.close();
      if (!options.db) await db.drop();
    },
  };
}

/**
 * A server for the enclosing `describe` (or file): started before its tests, stopped after them.
 * The handle reads through to that server, so a test writes `t.baseUrl` or `t.db` as usual.
 */
export function useTestServer(options: Parameters<typeof startTestServer>[0] = {}): TestServer {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(options);
  });
  afterAll(() => running?.stop());
  const current = () => {
    if (!running) throw new Error('The test server starts in beforeAll: use it in a hook or test');
    return running;
  };
  return {
    get server() {
      return current().server;
    },
    get db() {
      return current().db;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    stop: () => current().stop(),
  };
}

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A raw request, so tests see statuses and bodies exactly as a host would. */
export async function api<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    headers: response.headers,
  };
}

export async function tokenFor(baseUrl: string, agentId: string): Promise<string> {
  return (await signIn({ baseUrl }, agentId)).token;
}

/** Adapters signed in as one agent, through the bearer header (PROTOCOL.md "Authentication"). */
export async function clientFor(
  baseUrl: string,
  agentId: string,
  options: { reconnectMs?: number } = {},
): Promise<HttpAdapters> {
  const token = await tokenFor(baseUrl, agentId);
  return createHttpAdapters({
    baseUrl,
    headers: { Authorization: `Bearer ${token}` },
    reconnect: { minDelayMs: options.reconnectMs ?? 20, maxDelayMs: 200 },
  });
}

/** Waits until `check` holds (bounded): live events arrive asynchronously. */
export async function eventually<T>(
  check: () => T | undefined | false,
  { timeoutMs = 10_000, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A mention of an agent as the composer writes it: its id and its name as the label. */
export const mention = (agent: { id: string; name: string }) => ({
  id: agent.id,
  label: agent.name,
});

export const doc = (text: string, mentions: readonly { id: string; label: string }[] = []) => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text },
        ...mentions.flatMap((m) => [
          { type: 'text', text: ' ' },
          { type: 'mention', attrs: { id: m.id, label: m.label } },
        ]),
      ],
    },
  ],
});

export const note = (
  text: string,
  mentions: readonly { id: string; label: string }[] = [],
  addFollowerIds: readonly string[] = mentions.map((m) => m.id),
) => ({
  kind: 'internal-note' as const,
  body: doc(text, mentions),
  text: [text, ...mentions.map((m) => `@${m.label}`)].join(' '),
  mentionIds: mentions.map((m) => m.id),
  addFollowerIds,
});

export const reply = (text: string) => ({
  kind: 'public-reply' as const,
  body: doc(text),
  text,
  mentionIds: [],
  addFollowerIds: [],
});

/** A change as protocol version 2 sends it (PROTOCOL.md), as far as these tests read it. */
export interface WireChange {
  readonly type: 'message-added' | 'followers-changed' | 'header-changed';
  readonly conversationId: string;
  readonly version: number;
  readonly message?: { readonly id: string; readonly text: string };
  readonly followerIds?: readonly string[];
}

/** `POST /conversations/:id/messages` as any client would send it. */
export const postMessage = (
  baseUrl: string,
  token: string,
  conversationId: string,
  idempotencyKey: string,
  input: ReturnType<typeof note> | ReturnType<typeof reply>,
) =>
  api<{ message: { id: string; text: string }; change: WireChange }>(
    baseUrl,
    'POST',
    `/conversations/${encodeURIComponent(conversationId)}/messages`,
    { token, headers: { 'Idempotency-Key': idempotencyKey }, body: input },
  );

/** Inserts `count` messages straight into the table (fast seeding of long conversations). */
export async function insertMessages(
  db: Database,
  conversationId: string,
  count: number,
  text = 'Seeded message',
): Promise<void> {
  await db.query(
    `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
     SELECT 'seed-' || s, s, $1, 'agent-sam', 'internal-note',
            jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object(
              'type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', $2::text))))),
            $2::text, '[]'::jsonb, 0, 'seed-' || s
     FROM (SELECT nextval('message_seq') AS s FROM generate_series(1, $3::int)) AS g`,
    [conversationId, text, count],
  );
}
