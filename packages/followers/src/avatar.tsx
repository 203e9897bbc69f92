import { avatarOf, type Person } from '@aside/core';

/** Decorative: the chip's text already carries the name. */
export function Avatar({ person, name }: { person: Person | null; name: string }) {
  const avatar = avatarOf(person, name);
  return avatar.kind === 'picture' ? (
    <img className="aside-chip__avatar" src={avatar.url} alt="" />
  ) : (
    <span className="aside-chip__avatar" aria-hidden="true">
      {avatar.initials}
    </span>
  );
}
