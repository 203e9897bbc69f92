import { checkDraft } from '@aside/core';
import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { badRequest, refused } from '../errors';
import { loadDraft } from '../repository';
import { isUsableId } from '../writes';

const keyOf = (key: string) => {
  if (!isUsableId(key)) throw badRequest('A draft key is 1–200 characters');
  return key;
};

/** R8: drafts are stored per signed-in agent, whatever the key says. */
export function draftRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();
  routes.get('/:key', async (c) =>
    c.json({ draft: await loadDraft(db, c.get('agent').id, keyOf(c.req.param('key'))) }),
  );
  routes.put('/:key', async (c) => {
    const key = keyOf(c.req.param('key'));
    const body = await c.req.json<{ draft?: unknown }>().catch(() => ({ draft: undefined }));
    // R19: the same schema and caps as a message; the text is derived from the document.
    const decision = checkDraft(body?.draft);
    if (!decision.ok) throw refused(decision);
    await db.query(
      `INSERT INTO drafts (agent_id, key, draft) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (agent_id, key) DO UPDATE SET draft = excluded.draft`,
      [c.get('agent').id, key, JSON.stringify(decision.draft)],
    );
    return c.body(null, 204);
  });
  routes.delete('/:key', async (c) => {
    await db.query('DELETE FROM drafts WHERE agent_id = $1 AND key = $2', [
      c.get('agent').id,
      keyOf(c.req.param('key')),
    ]);
    return c.body(null, 204);
  });
  return routes;
}
