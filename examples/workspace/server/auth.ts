import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, ServerContext } from './context';
import { ApiError } from './errors';
import { findAgent } from './repository';

export const SESSION_COOKIE = 'aside_session';

export interface SessionOptions {
  /** A session not used for this long ends, in ms (default 2 hours). */
  readonly idleMs?: number;
  /** A session ends this long after sign-in however much it is used, in ms (default 12 hours). */
  readonly absoluteMs?: number;
}

export const DEFAULT_SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
export const DEFAULT_SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Last use is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * A host's own authentication: the id of the agent who sent this request (from the host's
 * cookie, JWT, proxy header…), or null for 401. With it, the demo sign-in is switched off.
 */
export type Authenticate = (request: Request) => string | null | Promise<string | null>;

/** Only a hash is stored: a leaked sessions table holds no usable token. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession({ db, now, sessions }: ServerContext, agentId: string) {
  const token = randomBytes(24).toString('base64url');
  const time = now();
  // Sessions nobody came back to are cleared here, so the table does not grow forever.
  await db.query('DELETE FROM sessions WHERE seen_ms <= $1 OR created_ms <= $2', [
    time - sessions.idleMs,
    time - sessions.absoluteMs,
  ]);
  await db.query(
    'INSERT INTO sessions (token, agent_id, created_ms, seen_ms) VALUES ($1, $2, $3, $3)',
    [hashToken(token), agentId, time],
  );
  return token;
}

export async function endSession({ db }: ServerContext, token: string) {
  await db.query('DELETE FROM sessions WHERE token = $1', [hashToken(token)]);
}

/** The agent id of a live session; an expired one is deleted. `touch` records this use. */
async function sessionAgentId(
  { db, now, sessions }: ServerContext,
  token: string,
  touch: boolean,
): Promise<string | null> {
  const hash = hashToken(token);
  const [row] = await db.query<{ agent_id: string; created_ms: number; seen_ms: number }>(
    'SELECT agent_id, created_ms, seen_ms FROM sessions WHERE token = $1',
    [hash],
  );
  if (!row) return null;
  const time = now();
  const seen = Number(row.seen_ms);
  if (time - seen >= sessions.idleMs || time - Number(row.created_ms) >= sessions.absoluteMs) {
    await db.query('DELETE FROM sessions WHERE token = $1', [hash]);
    return null;
  }
  if (touch && time - seen >= Math.min(TOUCH_EVERY_MS, sessions.idleMs / 10)) {
    await db.query('UPDATE sessions SET seen_ms = $2 WHERE token = $1', [hash, time]);
  }
  return row.agent_id;
}

const tokenOf = (c: Context<AppEnv>) =>
  c.req.header('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1] ?? getCookie(c, SESSION_COOKIE);

/**
 * The host's `authenticate`, or the demo session (a session cookie or
 * `Authorization: Bearer <token>`); anything else is 401. Also tells long-lived requests (the
 * event stream) how to check later that the session still holds.
 */
export function requireSession(context: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const request = c.req.raw;
    const token = context.authenticate ? undefined : tokenOf(c);
    const agentIdNow = (touch: boolean) =>
      context.authenticate
        ? Promise.resolve(context.authenticate(request))
        : token
          ? sessionAgentId(context, token, touch)
          : Promise.resolve(null);
    const agentId = await agentIdNow(true);
    const agent = agentId ? await findAgent(context.db, agentId) : null;
    if (!agentId || !agent) throw new ApiError(401, 'unauthorized', 'Sign in first');
    c.set('agent', agent);
    if (token) c.set('token', token);
    c.set('stillSignedIn', async () => (await agentIdNow(false)) === agentId);
    await next();
  };
}
