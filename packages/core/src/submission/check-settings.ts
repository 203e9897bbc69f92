import type { Agent, Settings } from '../types';
import { settingsShape } from '../validate';
import { type Refusal, refuse } from './refusal';
import { isObject } from './schema';

/** R4, R7: only an admin changes settings, and only to values the core knows. */
export function checkSettingsChange(
  actor: Agent,
  current: Settings,
  change: unknown,
): { readonly ok: true; readonly settings: Settings } | Refusal {
  if (actor.role !== 'admin') return refuse('forbidden');
  const next = { ...current, ...(change as object) };
  return isObject(change) &&
    Object.keys(change).every((key) => Object.hasOwn(current, key)) &&
    !settingsShape(next)
    ? { ok: true, settings: next }
    : refuse('invalid-body');
}
