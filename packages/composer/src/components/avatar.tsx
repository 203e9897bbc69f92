import { type Agent, avatarOf } from '@aside/core';

/** Picture when the directory has one, initials otherwise; decorative (the name is next to it). */
export function Avatar({ agent }: { readonly agent: Agent }) {
  const avatar = avatarOf(agent);
  return avatar.kind === 'picture' ? (
    <img className="aside-avatar" src={avatar.url} alt="" aria-hidden="true" />
  ) : (
    <span className="aside-avatar" aria-hidden="true">
      {avatar.initials}
    </span>
  );
}
