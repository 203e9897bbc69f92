import type { Person } from '@aside/core';
import { type ComponentType, type KeyboardEvent, memo } from 'react';
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

/** What a `FollowerChip` slot draws inside the chip; focus, Delete and the X stay Aside's. */
export interface FollowerChipContentProps {
  readonly person: Person | null;
  readonly name: string;
  readonly isAssignee: boolean;
  /** The "Assignee" badge text. */
  readonly assigneeLabel: string;
}

export interface FollowerChipComponents {
  readonly FollowerChip?: ComponentType<FollowerChipContentProps>;
}

function DefaultChipContent({ person, name, isAssignee, assigneeLabel }: FollowerChipContentProps) {
  return (
    <>
      <Avatar person={person} name={name} />
      <span className="aside-chip__name">{name}</span>
      {isAssignee && <span className="aside-chip__badge">{assigneeLabel}</span>}
    </>
  );
}

/** Flat props, so memo's shallow comparison sees when nothing about this chip changed. */
interface FollowerChipProps extends ChipModel {
  readonly active: boolean;
  readonly hintId: string;
  readonly labels: FollowersListLabels;
  readonly Content?: ComponentType<FollowerChipContentProps> | undefined;
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
  Content = DefaultChipContent,
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
      <Content
        person={chip.person}
        name={chip.name}
        isAssignee={chip.isAssignee}
        assigneeLabel={labels.assignee}
      />
      {chip.removable && (
        <button
          type="button"
          className="aside-chip__remove"
          tabIndex={-1}
          aria-label={labels.remove(chip.name)}
          onClick={() => onRemove(chip.id)}
        >
          <svg
            className="aside-close-icon"
            viewBox="0 0 16 16"
            aria-hidden="true"
            focusable="false"
          >
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      )}
    </li>
  );
});
