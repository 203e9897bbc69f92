import type { Person } from '@aside/core';

/** "Jane Doe" → "JD"; works for one-word and accented names. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** Decorative: the chip's text already carries the name. */
export function Avatar({ person, name }: { person: Person | null; name: string }) {
  const url = person?.kind === 'agent' ? person.avatarUrl : undefined;
  return url ? (
    <img className="aside-chip__avatar" src={url} alt="" />
  ) : (
    <span className="aside-chip__avatar" aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
