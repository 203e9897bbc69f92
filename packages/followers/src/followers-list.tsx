import {
  type LabelOverrides,
  useCustomisation,
  useFollowers,
  useListNavigation,
} from '@aside/react';
import type { KeyboardEvent, RefObject } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { AddFollower } from './add-follower';
import { type ChipModel, FollowerChip, type FollowerChipComponents } from './follower-chip';
import { defaultFollowersLabels, type FollowersListLabels } from './labels';

/** How long the Undo offer stays after a removal. */
const UNDO_MS = 5000;
const DEFAULT_MAX_VISIBLE = 5;
const hasFocus = (ref: RefObject<HTMLElement | null>) =>
  !!ref.current?.contains(document.activeElement);

export interface FollowersListProps {
  readonly conversationId: string;
  /** Chips shown before the "+N" button; the rest appear when it is pressed. */
  readonly maxVisible?: number;
  readonly labels?: LabelOverrides<FollowersListLabels>;
  readonly className?: string;
  /** Render pieces to swap: `FollowerChip` draws a chip's content (avatar, name, badge). */
  readonly components?: FollowerChipComponents;
}

/** R9–R11: the assignee and followers of a conversation as chips, with removal and Undo. */
export function FollowersList({
  conversationId,
  maxVisible = DEFAULT_MAX_VISIBLE,
  labels: overrides,
  className,
  components,
}: FollowersListProps) {
  const [labels, locale] = useCustomisation('followers', defaultFollowersLabels, overrides);
  const id = useId();
  const {
    status,
    followers,
    assignee,
    canAdd,
    canRemove,
    error,
    addFollower,
    removeFollower,
    clearError,
  } = useFollowers(conversationId);
  const [expanded, setExpanded] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ id: string; name: string } | null>(null);
  const chipRefs = useRef(new Map<string, HTMLLIElement>());
  const sectionRef = useRef<HTMLElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once the next render has the element: a chip id, or the fallbacks.
  const focusNext = useRef<string | null>(null);

  const chips: ChipModel[] = [
    ...(assignee
      ? [
          {
            id: assignee.id,
            name: assignee.name,
            person: assignee,
            isAssignee: true,
            removable: false,
            pending: false,
          },
        ]
      : []),
    ...followers.map(({ id: followerId, person, pending }) => ({
      id: followerId,
      name: person?.name ?? labels.unknownAgent,
      person,
      isAssignee: false,
      removable: canRemove,
      pending,
    })),
  ];
  const visible = expanded ? chips : chips.slice(0, maxVisible);
  const hidden = chips.length - visible.length;
  const tabStop = visible.some((chip) => chip.id === activeId) ? activeId : visible[0]?.id;

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    const element =
      chipRefs.current.get(target) ??
      (target === '' ? (addRef.current ?? sectionRef.current) : null);
    if (element) {
      focusNext.current = null;
      element.focus();
    }
  });

  // The Undo offer never goes away under the agent's focus: it waits another round.
  useEffect(() => {
    if (!undo) return;
    let timer: ReturnType<typeof setTimeout>;
    const expire = () => {
      if (hasFocus(statusRef)) timer = setTimeout(expire, UNDO_MS);
      else setUndo(null);
    };
    timer = setTimeout(expire, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);

  const remove = (chip: ChipModel) => {
    const index = visible.indexOf(chip);
    const neighbour = visible[index + 1] ?? visible[index - 1];
    focusNext.current = neighbour?.id ?? '';
    setActiveId(neighbour?.id ?? null);
    if (canAdd) setUndo({ id: chip.id, name: chip.name });
    void removeFollower(chip.id).then((ok) => {
      if (ok) return;
      // Rolled back by the core (R11): the error replaces the Undo offer, focus stays in the list.
      if (hasFocus(statusRef)) focusNext.current = '';
      setUndo((current) => (current?.id === chip.id ? null : current));
    });
  };

  const navigateChips = useListNavigation({
    orientation: 'horizontal',
    count: visible.length,
    onMove: (index) => {
      const target = visible[index];
      if (target) chipRefs.current.get(target.id)?.focus();
    },
  });
  const onChipKeyDown = (event: KeyboardEvent<HTMLLIElement>, chip: ChipModel) => {
    if (event.target !== event.currentTarget) return;
    if (navigateChips(event, visible.indexOf(chip))) return;
    if ((event.key === 'Delete' || event.key === 'Backspace') && chip.removable) {
      event.preventDefault();
      remove(chip);
    }
  };

  // Chips get stable handlers that look the chip up by id in the latest render, so removing one
  // follower of fifty re-renders only the chips whose props changed.
  const latest = useRef({ visible, remove, onChipKeyDown });
  latest.current = { visible, remove, onChipKeyDown };
  const register = useCallback((chipId: string, element: HTMLLIElement | null) => {
    if (element) chipRefs.current.set(chipId, element);
    else chipRefs.current.delete(chipId);
  }, []);
  const onChipFocus = useCallback((chipId: string) => setActiveId(chipId), []);
  const onChipKey = useCallback((event: KeyboardEvent<HTMLLIElement>, chipId: string) => {
    const chip = latest.current.visible.find((candidate) => candidate.id === chipId);
    if (chip) latest.current.onChipKeyDown(event, chip);
  }, []);
  const onChipRemove = useCallback((chipId: string) => {
    const chip = latest.current.visible.find((candidate) => candidate.id === chipId);
    if (chip) latest.current.remove(chip);
  }, []);

  const headingId = `${id}-heading`;
  const hintId = `${id}-hint`;
  return (
    <section
      ref={sectionRef}
      className={className ? `aside-followers ${className}` : 'aside-followers'}
      aria-labelledby={headingId}
      tabIndex={-1}
      lang={locale}
    >
      <h2 id={headingId} className="aside-followers__heading">
        {labels.heading}
      </h2>
      <span id={hintId} hidden>
        {labels.removeHint}
      </span>
      {status === 'loading' ? (
        <p className="aside-followers__empty">{labels.loading}</p>
      ) : chips.length === 0 ? (
        <p className="aside-followers__empty">{labels.empty}</p>
      ) : (
        <ul className="aside-followers__chips">
          {visible.map((chip) => (
            <FollowerChip
              key={chip.id}
              {...chip}
              active={chip.id === tabStop}
              hintId={hintId}
              labels={labels}
              Content={components?.FollowerChip}
              register={register}
              onFocus={onChipFocus}
              onKeyDown={onChipKey}
              onRemove={onChipRemove}
            />
          ))}
          {hidden > 0 && (
            <li className="aside-followers__more">
              <button
                type="button"
                className="aside-button aside-followers__more-button"
                aria-label={labels.showMore(hidden)}
                onClick={() => {
                  focusNext.current = chips[visible.length]?.id ?? null;
                  setExpanded(true);
                }}
              >
                {labels.showMoreText(hidden)}
              </button>
            </li>
          )}
        </ul>
      )}
      {canAdd && (
        <AddFollower
          conversationId={conversationId}
          labels={labels}
          buttonRef={addRef}
          onAdd={(agentId) => void addFollower(agentId)}
        />
      )}
      <div ref={statusRef} className="aside-followers__status" role="status">
        {undo && (
          <>
            <span>{labels.removed(undo.name)}</span>
            <button
              type="button"
              className="aside-button aside-followers__undo"
              onClick={() => {
                focusNext.current = undo.id;
                setUndo(null);
                void addFollower(undo.id);
              }}
            >
              {labels.undo}
            </button>
          </>
        )}
      </div>
      {error && (
        <div className="aside-followers__error" role="alert">
          <span title={error.message}>{labels.errors[error.code]}</span>
          <button
            type="button"
            className="aside-button aside-followers__dismiss"
            onClick={clearError}
          >
            {labels.dismissError}
          </button>
        </div>
      )}
    </section>
  );
}
