import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { createSession, endSession, requireSession, SESSION_COOKIE } from '../auth';
import type { AppEnv, ServerContext } from '../context';
import { isHttps } from '../edge';
import { badRequest, notFound } from '../errors';
import { findAgent } from '../repository';

/**
 * The demo sign-in: pick an agent, get a session, no password. For the demo only: a host
 * passes `authenticate` to `createServer` and these routes are switched off (404).
 */
export function sessionRoutes(context: ServerContext) {
  const { db } = context;
  const routes = new Hono<AppEnv>();
  const demoOnly = () => {
    if (context.authenticate) throw notFound('demo sign-in: this host signs agents in itself');
  };
  routes.post('/', async (c) => {
    demoOnly();
    const body = await c.req.json<{ agentId?: unknown }>().catch(() => ({ agentId: undefined }));
    if (typeof body?.agentId !== 'string') throw badRequest('agentId is required');
    const agent = await findAgent(db, body.agentId);
    if (!agent) throw notFound(`agent ${body.agentId}`);
    const token = await createSession(context, agent.id);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c),
      maxAge: Math.floor(context.sessions.absoluteMs / 1000),
    });
    return c.json({ token, agent });
  });
  routes.get('/', requireSession(context), (c) => c.json({ agent: c.get('agent') }));
  routes.delete('/', requireSession(context), async (c) => {
    demoOnly();
    await endSession(context, c.get('token'));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
    return c.body(null, 204);
  });
  return routes;
}
