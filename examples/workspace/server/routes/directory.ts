import { createMentionIndex, DEFAULT_SUGGESTION_LIMIT, type MentionIndex } from '@aside/core';
import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { badRequest } from '../errors';
import { allAgents, findPeople } from '../repository';

const MAX_LIMIT = 50;
const MAX_IDS = 500;

export function directoryRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();
  // The same index (accent folding, ranking) as the in-memory backend, built once per process.
  let index: Promise<MentionIndex> | null = null;
  const mentionIndex = () => {
    index ??= allAgents(db).then(createMentionIndex);
    return index;
  };

  routes.get('/search', async (c) => {
    const limit = Math.min(
      MAX_LIMIT,
      Math.max(1, Number(c.req.query('limit')) || DEFAULT_SUGGESTION_LIMIT),
    );
    const preferIds = (c.req.query('prefer') ?? '').split(',').filter(Boolean);
    const agents = (await mentionIndex()).search(c.req.query('q') ?? '', { limit, preferIds });
    return c.json({ agents });
  });

  routes.post('/people', async (c) => {
    const body = await c.req.json<{ ids?: unknown }>().catch(() => ({ ids: undefined }));
    const ids = body.ids;
    if (!Array.isArray(ids) || ids.length > MAX_IDS || !ids.every((id) => typeof id === 'string')) {
      throw badRequest(`ids must be up to ${MAX_IDS} strings`);
    }
    return c.json({ people: await findPeople(db, ids) });
  });
  return routes;
}
