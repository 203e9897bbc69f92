import { Hono } from 'hono';
import { requireSession } from './auth';
import type { AppEnv, ServerContext } from './context';
import type { Database } from './database';
import { ApiError } from './errors';
import { startEventHub } from './events';
import { migrate } from './migrations';
import { conversationRoutes } from './routes/conversations';
import { directoryRoutes } from './routes/directory';
import { draftRoutes } from './routes/drafts';
import { eventRoutes } from './routes/events';
import { sessionRoutes } from './routes/session';
import { settingsRoutes } from './routes/settings';
import { type SeedData, seed } from './seed';

export interface ServerOptions {
  readonly database: Database;
  /** Seed an empty database (default: the demo data of the stories); `false` to skip. */
  readonly seed?: SeedData | false;
}

export interface AsideServer {
  /** The Hono app: mount it, or hand `app.fetch` to any runtime. */
  readonly app: Hono<AppEnv>;
  readonly database: Database;
  /** Closes every live event stream (clients reconnect and resume); for tests. */
  dropStreams(): void;
  /** Stops following events; the database stays open (it belongs to the caller). */
  close(): Promise<void>;
}

/** The reference API under `/api` (PROTOCOL.md), on a migrated and seeded database. */
export async function createServer(options: ServerOptions): Promise<AsideServer> {
  const db = options.database;
  await migrate(db);
  if (options.seed !== false) await seed(db, options.seed);
  const hub = await startEventHub(db);
  const context: ServerContext = { db, hub };

  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(
        { error: { code: error.code, message: error.message, ids: error.ids ?? [] } },
        error.status,
      );
    }
    console.error(error);
    return c.json({ error: { code: 'adapter-failed', message: 'Internal error', ids: [] } }, 500);
  });
  app.notFound((c) =>
    c.json({ error: { code: 'not-found', message: `No route ${c.req.path}`, ids: [] } }, 404),
  );

  app.route('/api/session', sessionRoutes(context));
  const api = new Hono<AppEnv>();
  api.use('*', requireSession(context));
  api.route('/directory', directoryRoutes(context));
  api.route('/conversations', conversationRoutes(context));
  api.route('/settings', settingsRoutes(context));
  api.route('/drafts', draftRoutes(context));
  api.route('/events', eventRoutes(context));
  app.route('/api', api);

  return { app, database: db, dropStreams: () => hub.dropAll(), close: () => hub.stop() };
}
