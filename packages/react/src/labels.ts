import type { AsideErrorCode } from '@aside/core';

/**
 * What a host may override in a labels object: any string or function (functions take the
 * counts and names a string needs), and nested maps key by key.
 */
export type LabelOverrides<Labels> = {
  readonly [Key in keyof Labels]?: Labels[Key] extends string | ((...args: never[]) => unknown)
    ? Labels[Key]
    : Partial<Labels[Key]>;
};

/** The labels that are plain strings, by key: each UI package's labels type extends it. */
export type TextLabels<Keys extends string> = { readonly [Key in Keys]: string };

/**
 * Label overrides by UI package, set once on `AsideProvider`. Each UI package adds its own key
 * (`composer`, `followers`, `notifications`) to this interface when it is imported.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each UI package (declaration merging)
export interface AsideLabels {}

/** Defaults, then each layer of overrides (provider, then component); nested maps merge. */
export function mergeLabels<Labels extends object>(
  defaults: Labels,
  ...layers: readonly (LabelOverrides<Labels> | undefined)[]
): Labels {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (value === undefined) continue;
      const base = merged[key];
      merged[key] =
        value && typeof value === 'object' && typeof base === 'object'
          ? { ...base, ...value }
          : value;
    }
  }
  return merged as Labels;
}

/**
 * What an agent reads for each error code of the core; never the server's own text, which stays
 * on the error (`error.message`) for developers.
 */
export const defaultErrorLabels: Readonly<Record<AsideErrorCode, string>> = {
  'adapter-failed': 'The change could not be saved. Try again.',
  'invalid-adapter-data': 'The server sent something unexpected. Try again.',
  'invalid-mentions': 'Only agents can be mentioned. Remove the other mentions and try again.',
  'mentions-unavailable': '@mentions are not available here. Remove them and try again.',
  forbidden: 'You are not allowed to do this.',
  'not-found': 'This conversation is not available.',
  'empty-message': 'Write a message first.',
  'invalid-body': 'This message contains something that cannot be sent. Remove it and try again.',
  'too-large': 'This message is too long. Shorten it and try again.',
  'too-many-mentions': 'Too many @mentions in one note. Remove some and try again.',
  busy: 'A message is already being sent.',
};
