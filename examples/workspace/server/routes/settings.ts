import { checkSettingsChange } from '@aside/core';
import { Hono } from 'hono';
import type { AppEnv, ServerContext } from '../context';
import { refused } from '../errors';
import { appendEvents } from '../events';
import { loadSettings } from '../repository';

export function settingsRoutes({ db }: ServerContext) {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => c.json({ settings: await loadSettings(db) }));

  /** R4: only an admin turns collaboration on or off; every client hears of it live. */
  routes.put('/', async (c) => {
    const change = await c.req.json().catch(() => null);
    const settings = await db.transaction(async (tx) => {
      const decision = checkSettingsChange(c.get('agent'), await loadSettings(tx), change);
      if (!decision.ok) throw refused(decision);
      const next = decision.settings;
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
