import { AsideError } from './errors';
import { isObject } from './submission/schema';

// Small composable checks for data that enters the core from an adapter: each returns what
// was expected (`a string`, `.field must be …`) or null when the value is fine.

export type Check = (value: unknown) => string | null;

export const string: Check = (v) => (typeof v === 'string' ? null : 'a string');
export const number: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? null : 'a number';
export const version: Check = (v) =>
  Number.isSafeInteger(v) && (v as number) >= 0 ? null : 'a whole number >= 0';
export const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'a boolean');
export const oneOf =
  /* @__NO_SIDE_EFFECTS__ */
    (...values: readonly string[]): Check =>
    (v) =>
      values.includes(v as string) ? null : `one of ${values.join(', ')}`;
export const optional =
  /* @__NO_SIDE_EFFECTS__ */
    (check: Check): Check =>
    (v) =>
      v === undefined ? null : check(v);
export const nullable =
  /* @__NO_SIDE_EFFECTS__ */
    (check: Check): Check =>
    (v) =>
      v === null ? null : check(v);
export const array: Check = (v) => (Array.isArray(v) ? null : 'an array');
export const arrayOf =
  /* @__NO_SIDE_EFFECTS__ */
    (check: Check): Check =>
    (v) =>
      Array.isArray(v) && v.every((item) => check(item) === null)
        ? null
        : 'an array of valid items';
export const recordOf =
  /* @__NO_SIDE_EFFECTS__ */
    (check: Check): Check =>
    (v) =>
      isObject(v) && Object.values(v).every((item) => check(item) === null)
        ? null
        : 'a record of valid values';

/** Every field of every record must pass; several records instead of a spread keep it tree-shakable. */
/* @__NO_SIDE_EFFECTS__ */
export function shape(...records: readonly Record<string, Check>[]): Check {
  // Listed once, not per value: a burst of a thousand notifications is checked one by one.
  const fields = records.flatMap((record) => Object.entries(record));
  return (value) => {
    if (!isObject(value)) return 'an object';
    for (const [field, check] of fields) {
      const problem = check(value[field]);
      if (problem) return `.${field} must be ${problem}`;
    }
    return null;
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function validator<T>(check: Check, what: string) {
  return (value: unknown, source: string): T => {
    const problem = check(value);
    if (problem) {
      throw new AsideError(
        'invalid-adapter-data',
        `${source} returned an invalid ${what}: ${problem.startsWith('.') ? what + problem : `expected ${problem}`}`,
      );
    }
    return value as T;
  };
}
