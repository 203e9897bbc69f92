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

interface FollowerChipProps {
  readonly chip: ChipModel;
  readonly active: boolean;
  readonly hintId: string;
  readonly labels: FollowersListLabels;
  /** Stable across renders (they take the chip id), so unchanged chips skip re-rendering. */
  readonly register: (chipId: string, element: HTMLLIElement | null) => void;
  readonly onFocus: (chipId: string) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>, chipId: string) => void;
  readonly onRemove: (chipId: string) => void;
}

const sameChip = (a: ChipModel, b: ChipModel) =>
  a === b ||
  (a.id === b.id &&
    a.name === b.name &&
    a.person === b.person &&
    a.isAssignee === b.isAssignee &&
    a.removable === b.removable &&
    a.pending === b.pending);

/** One name box (R9). Focusable like Garden's tags so Delete can remove it (R10). */
export const FollowerChip = memo(
  function FollowerChip({ chip, active, hintId, labels, ...handlers }: FollowerChipProps) {
    return (
      <li
        ref={(element) => handlers.register(chip.id, element)}
        className="aside-chip"
        tabIndex={active ? 0 : -1}
        data-assignee={chip.isAssignee || undefined}
        data-pending={chip.pending || undefined}
        aria-describedby={chip.removable ? hintId : undefined}
        onFocus={() => handlers.onFocus(chip.id)}
        onKeyDown={(event) => handlers.onKeyDown(event, chip.id)}
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
            onClick={() => handlers.onRemove(chip.id)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        )}
      </li>
    );
  },
  (before, after) =>
    sameChip(before.chip, after.chip) &&
    before.active === after.active &&
    before.hintId === after.hintId &&
    before.labels === after.labels &&
    before.register === after.register &&
    before.onFocus === after.onFocus &&
    before.onKeyDown === after.onKeyDown &&
    before.onRemove === after.onRemove,
);
