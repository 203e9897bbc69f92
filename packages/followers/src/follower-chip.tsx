import type { Person } from '@aside/core';
import type { KeyboardEvent, Ref } from 'react';
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
  readonly chipRef: Ref<HTMLLIElement>;
  readonly onFocus: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
  readonly onRemove: () => void;
}

/** One name box (R9). Focusable like Garden's tags so Delete can remove it (R10). */
export function FollowerChip({ chip, active, hintId, labels, ...handlers }: FollowerChipProps) {
  return (
    <li
      ref={handlers.chipRef}
      className="aside-chip"
      tabIndex={active ? 0 : -1}
      data-assignee={chip.isAssignee || undefined}
      data-pending={chip.pending || undefined}
      aria-describedby={chip.removable ? hintId : undefined}
      onFocus={handlers.onFocus}
      onKeyDown={handlers.onKeyDown}
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
          onClick={handlers.onRemove}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      )}
    </li>
  );
}
