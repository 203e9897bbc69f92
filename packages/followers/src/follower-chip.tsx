import type { Person } from '@aside/core';
import { type KeyboardEvent, memo } from 'react';
import { Avatar } from './avatar';
import type { FollowersListLabels } from './labels';

export interface ChipModel {
  readonly id: string;
  readonly name: string;
  readonly person: Person | null;
  readonly isAssignee: boolean;
  readonly removable: boolean;
  readonly pending: boolean;
}

/** Flat props, so memo's shallow comparison sees when nothing about this chip changed. */
interface FollowerChipProps extends ChipModel {
  readonly active: boolean;
  readonly hintId: string;
  readonly labels: FollowersListLabels;
  /** Stable across renders (they take the chip id), so unchanged chips skip re-rendering. */
  readonly register: (chipId: string, element: HTMLLIElement | null) => void;
  readonly onFocus: (chipId: string) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>, chipId: string) => void;
  readonly onRemove: (chipId: string) => void;
}

/** One name box (R9). Focusable like Garden's tags so Delete can remove it (R10). */
export const FollowerChip = memo(function FollowerChip({
  active,
  hintId,
  labels,
  register,
  onFocus,
  onKeyDown,
  onRemove,
  ...chip
}: FollowerChipProps) {
  return (
    <li
      ref={(element) => register(chip.id, element)}
      className="aside-chip"
      tabIndex={active ? 0 : -1}
      data-assignee={chip.isAssignee || undefined}
      data-pending={chip.pending || undefined}
      aria-describedby={chip.removable ? hintId : undefined}
      onFocus={() => onFocus(chip.id)}
      onKeyDown={(event) => onKeyDown(event, chip.id)}
    >
      <Avatar person={chip.person} name={chip.name} />
      <span className="aside-chip__name">{chip.name}</span>
      {chip.isAssignee && <span className="aside-chip__badge">{labels.assignee}</span>}
      {chip.removable && (
        <button
          type="button"
          className="aside-chip__remove"
          tabIndex={-1}
          aria-label={labels.remove(chip.name)}
          onClick={() => onRemove(chip.id)}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      )}
    </li>
  );
});
