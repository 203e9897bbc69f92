import type { MentionSuggestion } from '@aside/core';
import { useAddFollowerDecision, useAsideStore, useListNavigation } from '@aside/react';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useId, useState } from 'react';
import { Avatar } from './avatar';
import type { FollowersListLabels } from './labels';

interface AddFollowerProps {
  readonly conversationId: string;
  readonly labels: FollowersListLabels;
  readonly buttonRef: RefObject<HTMLButtonElement | null>;
  readonly onAdd: (agentId: string) => void;
}

/** R6: follow a conversation, or add a colleague, without writing a note. */
export function AddFollower({ conversationId, labels, buttonRef, onAdd }: AddFollowerProps) {
  const store = useAsideStore();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<readonly MentionSuggestion[]>([]);
  // How many agents match in all: more than `results` when the directory holds more (limit 8).
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);
  // The core decides who may be added; the menu only greys out the others.
  const decideAdd = useAddFollowerDecision(conversationId);
  const canAdd = useCallback(
    (suggestion: MentionSuggestion) => decideAdd(suggestion.agent)?.allowed ?? false,
    [decideAdd],
  );
  const navigate = useListNavigation({
    orientation: 'vertical',
    wrap: true,
    // Home and End move the caret in the search field.
    homeEnd: false,
    count: results.length,
    onMove: setActive,
  });

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    store.searchAgents(conversationId, query, { signal: controller.signal }).then(
      ({ suggestions, total: matching }) => {
        setResults(suggestions);
        setTotal(matching);
        setActive(Math.max(0, suggestions.findIndex(canAdd)));
      },
      () => {
        if (controller.signal.aborted) return;
        setResults([]);
        setTotal(0);
      },
    );
    return () => controller.abort();
  }, [open, query, store, conversationId, canAdd]);

  const close = () => {
    setOpen(false);
    setQuery('');
    setResults([]);
    setTotal(0);
  };
  const pick = (suggestion: MentionSuggestion | undefined) => {
    if (!suggestion || !canAdd(suggestion)) return;
    close();
    buttonRef.current?.focus();
    onAdd(suggestion.agent.id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (navigate(event, active)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      pick(results[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
      buttonRef.current?.focus();
    }
  };

  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  return (
    <div className="aside-add-follower">
      <button
        ref={buttonRef}
        type="button"
        className="aside-button aside-add-follower__button"
        aria-expanded={open}
        aria-controls={open ? `${id}-popover` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span aria-hidden="true">+ </span>
        {labels.addFollower}
      </button>
      {open && (
        <div id={`${id}-popover`} className="aside-add-follower__popover">
          <input
            className="aside-add-follower__input"
            role="combobox"
            aria-label={labels.searchAgents}
            aria-autocomplete="list"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-activedescendant={results[active] ? optionId(active) : undefined}
            placeholder={labels.searchAgents}
            // biome-ignore lint/a11y/noAutofocus: the agent just asked to search
            autoFocus
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            // Leaving the search closes it; the button toggles it itself.
            onBlur={(event) => event.relatedTarget !== buttonRef.current && close()}
          />
          <div
            id={listId}
            className="aside-add-follower__list"
            role="listbox"
            aria-label={labels.addFollower}
          >
            {results.map((suggestion, index) => {
              const allowed = canAdd(suggestion);
              const hint =
                suggestion.hint === 'assignee'
                  ? labels.assignee
                  : suggestion.hint === 'follower'
                    ? labels.alreadyFollowing
                    : suggestion.hint === 'cannot-view'
                      ? labels.cannotView
                      : null;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys
                <div
                  key={suggestion.agent.id}
                  id={optionId(index)}
                  role="option"
                  tabIndex={-1}
                  className="aside-add-follower__option"
                  aria-selected={index === active}
                  aria-disabled={!allowed || undefined}
                  // Keeps focus in the combobox; the keyboard picks through it (aria-activedescendant).
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(suggestion)}
                >
                  <Avatar person={suggestion.agent} name={suggestion.agent.name} />
                  <span className="aside-chip__name">{suggestion.agent.name}</span>
                  {hint && <span className="aside-add-follower__hint">{hint}</span>}
                </div>
              );
            })}
          </div>
          {/* A live region from the start, so "12 more — keep typing" is announced when it appears. */}
          <p className="aside-add-follower__more" role="status">
            {total > results.length ? labels.moreMatches(total - results.length) : ''}
          </p>
          {results.length === 0 && query && (
            <p className="aside-add-follower__empty">{labels.noMatches}</p>
          )}
        </div>
      )}
    </div>
  );
}
