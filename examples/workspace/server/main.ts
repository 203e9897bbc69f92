import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { openDatabase } from './database';
import { startServer } from './start';

/**
 * `node dist/server.mjs`: PGlite in memory (or in DATA_DIR), PostgreSQL when DATABASE_URL is
 * set; serves the built app from dist/app when it exists. Optional: SESSION_IDLE_MINUTES,
 * SESSION_MAX_HOURS, EVENT_POLL_MS (0: NOTIFY only), EVENT_RETAIN_COUNT and EVENT_RETAIN_MS
 * (the window of events kept for clients that resume), ALLOWED_ORIGINS (comma-separated).
 */
const env = process.env;
const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
const idleMinutes = number('SESSION_IDLE_MINUTES');
const maxHours = number('SESSION_MAX_HOURS');
const database = await openDatabase();
const appDir = fileURLToPath(new URL('./app', import.meta.url));
const server = await startServer({
  database,
  port: Number(process.env.PORT ?? 3000),
  hostname: process.env.HOST ?? '127.0.0.1',
  sessions: {
    ...(idleMinutes ? { idleMs: idleMinutes * 60_000 } : {}),
    ...(maxHours ? { absoluteMs: maxHours * 3_600_000 } : {}),
  },
  liveEvents: {
    ...(env.EVENT_POLL_MS ? { pollMs: Number(env.EVENT_POLL_MS) } : {}),
    ...(env.EVENT_RETAIN_COUNT ? { retainEvents: Number(env.EVENT_RETAIN_COUNT) } : {}),
    ...(env.EVENT_RETAIN_MS ? { retainMs: Number(env.EVENT_RETAIN_MS) } : {}),
  },
  allowedOrigins: (env.ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  extend({ app }) {
    if (!existsSync(appDir)) return;
    app.use('/*', serveStatic({ root: appDir }));
    app.get('*', serveStatic({ path: `${appDir}/index.html` }));
  },
});
console.log(
  `Aside workspace on ${server.url}/  (API ${server.url}/api, database: ${database.kind})`,
);

const shutdown = async () => {
  await server.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
