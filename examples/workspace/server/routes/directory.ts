import { createMentionIndex, DEFAULT_SUGGESTION_LIMIT, type MentionIndex } from '@aside/core';
import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { badRequest } from '../errors';
import { allAgents, findPeople } from '../repository';

const MAX_LIMIT = 50;
const MAX_IDS = 500;

/** PROTOCOL.md: `limit` is optional, else a whole number from 1 to 50; anything else is a 400. */
function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SUGGESTION_LIMIT;
  const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) {
    throw badRequest(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  return limit;
}

export function directoryRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();
  // The same index (accent folding, ranking) as the in-memory backend, built once per process.
  let index: Promise<MentionIndex> | null = null;
  const mentionIndex = () => {
    index ??= allAgents(db).then(createMentionIndex);
    return index;
  };

  routes.get('/search', async (c) => {
    const limit = parseLimit(c.req.query('limit'));
    const preferIds = (c.req.query('prefer') ?? '').split(',').filter(Boolean);
    const query = c.req.query('q') ?? '';
    const index = await mentionIndex();
    // The total comes from the same index as the agents, so both fold and match alike; the
    // count walks only the matching names (no SQL round trip, no scan of the directory).
    const agents = index.search(query, { limit, preferIds });
    return c.json({ agents, total: index.count(query) });
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
