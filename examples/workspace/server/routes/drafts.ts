import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { badRequest } from '../errors';
import { loadDraft } from '../repository';

/** R8: drafts are stored per signed-in agent, whatever the key says. */
export function draftRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();
  routes.get('/:key', async (c) =>
    c.json({ draft: await loadDraft(db, c.get('agent').id, c.req.param('key')) }),
  );
  routes.put('/:key', async (c) => {
    const body = await c.req.json<{ draft?: unknown }>().catch(() => ({ draft: undefined }));
    const draft = body.draft as { doc?: unknown; text?: unknown; updatedAt?: unknown } | undefined;
    if (
      !draft ||
      typeof draft.doc !== 'object' ||
      typeof draft.text !== 'string' ||
      typeof draft.updatedAt !== 'number'
    ) {
      throw badRequest('draft { doc, text, updatedAt } expected');
    }
    await db.query(
      `INSERT INTO drafts (agent_id, key, draft) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (agent_id, key) DO UPDATE SET draft = excluded.draft`,
      [c.get('agent').id, c.req.param('key'), JSON.stringify(draft)],
    );
    return c.body(null, 204);
  });
  routes.delete('/:key', async (c) => {
    await db.query('DELETE FROM drafts WHERE agent_id = $1 AND key = $2', [
      c.get('agent').id,
      c.req.param('key'),
    ]);
    return c.body(null, 204);
  });
  return routes;
}
