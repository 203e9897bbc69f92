import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  type Authenticate,
  DEFAULT_SESSION_ABSOLUTE_MS,
  DEFAULT_SESSION_IDLE_MS,
  requireSession,
  type SessionOptions,
} from './auth';
import type { AppEnv, ServerContext } from './context';
import type { Database } from './database';
import {
  csrfProtection,
  jsonBodies,
  limitBody,
  MAX_BODY_BYTES,
  rejectNulInUrl,
  securityHeaders,
  unknownApiPath,
} from './edge';
import { ApiError } from './errors';
import { startEventHub } from './event-hub';
import { migrate } from './migrations';
import {
  DEFAULT_PRUNE_EVERY_MS,
  DEFAULT_RETAIN_EVENTS,
  DEFAULT_RETAIN_MS,
  startPruner,
} from './retention';
import { conversationRoutes } from './routes/conversations';
import { directoryRoutes } from './routes/directory';
import { draftRoutes } from './routes/drafts';
import { eventRoutes } from './routes/events';
import { sessionRoutes } from './routes/session';
import { settingsRoutes } from './routes/settings';
import { type SeedData, seed } from './seed';

export interface LiveEventOptions {
  /** The safety-net poll of the events table, in ms (default 2000); 0: NOTIFY only. */
  readonly pollMs?: number;
  /** Bytes an SSE client may leave unread before it is dropped (default 4 MiB). */
  readonly maxQueuedBytes?: number;
  /** Keep-alive comment interval, in ms (default 15000); the session is re-checked each time. */
  readonly pingMs?: number;
  /**
   * Events kept for clients that resume (default 50,000); older ones are pruned, and a client
   * resuming from before them gets `resync` `expired`. `Infinity`: no limit by count.
   */
  readonly retainEvents?: number;
  /** How long events are kept, in ms (default 24 h); `Infinity`: no limit by age. */
  readonly retainMs?: number;
}

export interface ServerOptions {
  readonly database: Database;
  /** Seed an empty database (default: the demo data of the stories); `false` to skip. */
  readonly seed?: SeedData | false;
  /**
   * The host's own authentication (README "Authentication"). Without it the server offers the
   * password-free demo sign-in (`POST /api/session`), which is for the demo only.
   */
  readonly authenticate?: Authenticate;
  /** Demo session lifetimes (default idle 2 h, absolute 12 h). */
  readonly sessions?: SessionOptions;
  readonly liveEvents?: LiveEventOptions;
  /** Request bodies above this are refused with 413 (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Origins besides the server's own that may send cookie-authenticated writes. */
  readonly allowedOrigins?: readonly string[];
  /** The clock, in ms since the epoch (default `Date.now`); for tests of session expiry. */
  readonly now?: () => number;
}

export interface AsideServer {
  /** The Hono app: mount it, or hand `app.fetch` to any runtime. */
  readonly app: Hono<AppEnv>;
  readonly database: Database;
  /** SSE clients connected to this process now, and the bytes queued for them; diagnostics. */
  liveStats(): { readonly clients: number; readonly queuedBytes: number };
  /** Closes every live event stream (clients reconnect and resume); for tests. */
  dropStreams(): void;
  /** Stops following events; the database stays open (it belongs to the caller). */
  close(): Promise<void>;
}

export const DEFAULT_MAX_QUEUED_BYTES = 4 * 1024 * 1024;
export const DEFAULT_PING_MS = 15_000;

/** The reference API under `/api` (PROTOCOL.md), on a migrated and seeded database. */
export async function createServer(options: ServerOptions): Promise<AsideServer> {
  const db = options.database;
  await migrate(db);
  if (options.seed !== false) await seed(db, options.seed);
  const pruner = startPruner(db, {
    retainEvents: options.liveEvents?.retainEvents ?? DEFAULT_RETAIN_EVENTS,
    retainMs: options.liveEvents?.retainMs ?? DEFAULT_RETAIN_MS,
    pruneEveryMs: DEFAULT_PRUNE_EVERY_MS,
  });
  const hub = await startEventHub(db, {
    pollMs: options.liveEvents?.pollMs,
    afterRead: () => pruner.poke(),
  });
  const context: ServerContext = {
    db,
    hub,
    authenticate: options.authenticate,
    sessions: {
      idleMs: options.sessions?.idleMs ?? DEFAULT_SESSION_IDLE_MS,
      absoluteMs: options.sessions?.absoluteMs ?? DEFAULT_SESSION_ABSOLUTE_MS,
    },
    stream: {
      maxQueuedBytes: options.liveEvents?.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES,
      pingMs: options.liveEvents?.pingMs ?? DEFAULT_PING_MS,
    },
    now: options.now ?? Date.now,
  };

  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(
        { error: { code: error.code, message: error.message, ids: error.ids ?? [] } },
        error.status,
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        { error: { code: 'bad-request', message: error.message || 'Bad request', ids: [] } },
        error.status,
      );
    }
    console.error(error);
    return c.json({ error: { code: 'adapter-failed', message: 'Internal error', ids: [] } }, 500);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'not-found', message: `No route ${c.req.path}`, ids: [] } }, 404),
  );

  // The edge, before any route reads anything (PROTOCOL.md "Security").
  app.use('*', securityHeaders());
  app.use('/api/*', rejectNulInUrl());
  app.use('/api/*', csrfProtection(options.allowedOrigins));
  app.use('/api/*', limitBody(options.maxBodyBytes ?? MAX_BODY_BYTES));
  app.use('/api/*', jsonBodies());

  app.route('/api/session', sessionRoutes(context));
  const api = new Hono<AppEnv>();
  api.use('*', requireSession(context));
  api.route('/directory', directoryRoutes(context));
  api.route('/conversations', conversationRoutes(context));
  api.route('/settings', settingsRoutes(context));
  api.route('/drafts', draftRoutes(context));
  api.route('/events', eventRoutes(context));
  app.route('/api', api);
  // Registered before any route a host adds (e.g. the app's index.html for every path).
  app.all('/api/*', unknownApiPath);
  app.all('/api', unknownApiPath);

  return {
    app,
    database: db,
    liveStats: () => hub.stats(),
    dropStreams: () => hub.dropAll(),
    async close() {
      await hub.stop();
      await pruner.stop();
    },
  };
}
