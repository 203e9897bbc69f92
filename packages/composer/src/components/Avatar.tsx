import type { Agent } from '@aside/core';

const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/** Picture when the directory has one, initials otherwise; decorative (the name is next to it). */
export function Avatar({ agent }: { readonly agent: Agent }) {
  return agent.avatarUrl ? (
    <img className="aside-avatar" src={agent.avatarUrl} alt="" aria-hidden="true" />
  ) : (
    <span className="aside-avatar" aria-hidden="true">
      {initialsOf(agent.name)}
    </span>
  );
}
