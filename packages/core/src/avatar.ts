import type { Person } from './types';

/** What an avatar shows: the directory's picture, else the initials of the name. */
export type AvatarContent =
  | { readonly kind: 'picture'; readonly url: string }
  | { readonly kind: 'initials'; readonly initials: string };

/** "Jane van Doe" → "JD": the first letters of the first and last words; one word gives one. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '')][0] ?? '';
  const last = words.length > 1 ? ([...(words[words.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The one avatar rule of every Aside component; `name` stands in while the directory loads. */
export function avatarOf(person: Person | null, name: string = person?.name ?? ''): AvatarContent {
  const url = person?.kind === 'agent' ? person.avatarUrl : undefined;
  return url ? { kind: 'picture', url } : { kind: 'initials', initials: initialsOf(name) };
}
