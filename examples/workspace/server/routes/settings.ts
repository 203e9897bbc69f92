import type { Settings } from '@aside/core';
import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { badRequest, forbidden } from '../errors';
import { appendEvents } from '../events';
import { loadSettings } from '../repository';

export function settingsRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => c.json({ settings: await loadSettings(db) }));

  /** R4: only an admin turns collaboration on or off; every client hears of it live. */
  routes.put('/', async (c) => {
    if (c.get('agent').role !== 'admin') throw forbidden('Only admins change settings');
    const change = (await c.req.json().catch(() => null)) as Partial<Settings> | null;
    if (!change || typeof change !== 'object') throw badRequest('Settings object expected');
    const settings = await db.transaction(async (tx) => {
      const next: Settings = { ...(await loadSettings(tx)) };
      if (typeof change.collaborationEnabled === 'boolean') {
        Object.assign(next, { collaborationEnabled: change.collaborationEnabled });
      }
      if (change.mentionWithoutAccess === 'add' || change.mentionWithoutAccess === 'skip') {
        Object.assign(next, { mentionWithoutAccess: change.mentionWithoutAccess });
      }
      await tx.query(
        'UPDATE settings SET collaboration_enabled = $1, mention_without_access = $2 WHERE id = 1',
        [next.collaborationEnabled, next.mentionWithoutAccess],
      );
      await appendEvents(tx, db.channel, [{ type: 'settings', payload: { settings: next } }]);
      return next;
    });
    return c.json({ settings });
  });
  return routes;
}
