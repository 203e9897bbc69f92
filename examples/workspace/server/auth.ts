import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, ServerContext } from './context';
import { ApiError } from './errors';
import { findAgent } from './repository';

export const SESSION_COOKIE = 'aside_session';

/** A session cookie or `Authorization: Bearer <token>`; anything else is 401. */
export function requireSession({ db }: ServerContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = c.req.header('Authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const token = bearer ?? getCookie(c, SESSION_COOKIE);
    const [session] = token
      ? await db.query<{ agent_id: string }>('SELECT agent_id FROM sessions WHERE token = $1', [
          token,
        ])
      : [];
    const agent = session ? await findAgent(db, session.agent_id) : null;
    if (!token || !agent) throw new ApiError(401, 'unauthorized', 'Sign in first');
    c.set('agent', agent);
    c.set('token', token);
    await next();
  };
}
