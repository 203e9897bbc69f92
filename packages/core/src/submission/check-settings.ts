import type { Agent, Settings } from '../types';
import { type Refusal, refuse } from './refusal';
import { isObject } from './schema';

const VALID: { readonly [K in keyof Settings]: (value: unknown) => boolean } = {
  collaborationEnabled: (value) => typeof value === 'boolean',
  mentionWithoutAccess: (value) => value === 'add' || value === 'skip',
};

/** R4, R7: only an admin changes settings, and only to values the core knows. */
export function checkSettingsChange(
  actor: Agent,
  current: Settings,
  change: unknown,
): { readonly ok: true; readonly settings: Settings } | Refusal {
  if (actor.role !== 'admin') return refuse('forbidden', 'Only admins change settings');
  if (!isObject(change)) return refuse('invalid-body', 'A settings change must be an object');
  for (const [key, value] of Object.entries(change)) {
    const valid = Object.hasOwn(VALID, key) && VALID[key as keyof Settings](value);
    if (!valid) return refuse('invalid-body', `Setting "${key}" cannot be ${String(value)}`);
  }
  return { ok: true, settings: { ...current, ...(change as Partial<Settings>) } };
}
