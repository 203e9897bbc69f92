import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { requireSession, SESSION_COOKIE } from '../auth';
import type { AppEnv, ServerContext } from '../context';
import { badRequest, notFound } from '../errors';
import { findAgent } from '../repository';

/** The demo sign-in: pick an agent, get a session. A real host uses its own login here. */
export function sessionRoutes(context: ServerContext) {
  const { db } = context;
  const routes = new Hono<AppEnv>();
  routes.post('/', async (c) => {
    const body = await c.req.json<{ agentId?: unknown }>().catch(() => ({ agentId: undefined }));
    if (typeof body.agentId !== 'string') throw badRequest('agentId is required');
    const agent = await findAgent(db, body.agentId);
    if (!agent) throw notFound(`agent ${body.agentId}`);
    const token = randomBytes(24).toString('base64url');
    await db.query('INSERT INTO sessions (token, agent_id) VALUES ($1, $2)', [token, agent.id]);
    setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.json({ token, agent });
  });
  routes.get('/', requireSession(context), (c) => c.json({ agent: c.get('agent') }));
  routes.delete('/', requireSession(context), async (c) => {
    await db.query('DELETE FROM sessions WHERE token = $1', [c.get('token')]);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
  return routes;
}
