import type { Agent, MentionHint } from '@aside/core';
import { usePortalTheme } from '@aside/react';
import { autoUpdate, flip, offset, shift, useFloating } from '@floating-ui/react';
import type { Editor } from '@tiptap/core';
import {
  type ComponentType,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import { createPortal } from 'react-dom';
import type { ComposerLabels } from '../labels';
import type { MentionSuggestions } from '../suggestions/controller';
import { useMentionSuggestions } from '../suggestions/use-mention-suggestions';
import { Avatar } from './avatar';
import { InfoIcon } from './icons';

// useLayoutEffect warns on the server; positioning only matters in a browser.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

const MIDDLEWARE = [offset(4), flip({ padding: 8 }), shift({ padding: 8 })];

/** What a `MentionOption` slot draws: one agent; the option element around it stays Aside's. */
export interface MentionOptionProps {
  readonly agent: Agent;
  /** Why this agent is marked (R7: `cannot-view`), and its label. */
  readonly hint: MentionHint;
  readonly hintLabel: string | undefined;
  readonly active: boolean;
}

export interface MentionComponents {
  readonly MentionOption?: ComponentType<MentionOptionProps>;
}

export interface MentionMenuProps {
  readonly editor: Editor | null;
  readonly suggestions: MentionSuggestions;
  readonly labels: ComposerLabels;
  readonly components?: MentionComponents;
}

function DefaultMentionOption({ agent, hint, hintLabel }: MentionOptionProps) {
  return (
    <>
      <Avatar agent={agent} />
      <span className="aside-mention-menu__who">
        <span className="aside-mention-menu__name">{agent.name}</span>
        {agent.detail && <span className="aside-mention-menu__detail">{agent.detail}</span>}
      </span>
      {hint && (
        <span className="aside-mention-menu__hint" data-hint={hint}>
          {hintLabel}
        </span>
      )}
    </>
  );
}

/** WAI-ARIA combobox semantics on the editor element while a menu is open. */
function useComboboxAria(
  editor: Editor | null,
  expanded: boolean,
  listboxId: string,
  activeId: string | null,
) {
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const element = editor.view.dom;
    const set = (name: string, value: string | null) =>
      value === null ? element.removeAttribute(name) : element.setAttribute(name, value);
    if (expanded) {
      set('role', 'combobox');
      set('aria-multiline', null);
      set('aria-autocomplete', 'list');
      set('aria-haspopup', 'listbox');
      set('aria-expanded', 'true');
      set('aria-controls', listboxId);
      set('aria-activedescendant', activeId);
    } else {
      set('role', 'textbox');
      set('aria-multiline', 'true');
      for (const name of [
        'aria-autocomplete',
        'aria-haspopup',
        'aria-expanded',
        'aria-controls',
        'aria-activedescendant',
      ]) {
        set(name, null);
      }
    }
  }, [editor, expanded, listboxId, activeId]);
}

/** The default @mention menu: anchored at the caret, flips and shifts at the viewport's edges. */
export function MentionMenu({ editor, suggestions, labels, components }: MentionMenuProps) {
  const Option = components?.MentionOption ?? DefaultMentionOption;
  const menu = useMentionSuggestions(suggestions);
  const listboxId = useId();
  const optionId = (index: number) => `${listboxId}-${index}`;
  const expanded = menu.open && menu.items.length > 0 && menu.status !== 'unavailable';

  // The highlighted option stays in sight, also when ArrowUp wraps to the last one.
  const activeOption = expanded
    ? optionId(Math.min(menu.activeIndex, menu.items.length - 1))
    : null;
  useClientLayoutEffect(() => {
    const option = activeOption && document.getElementById(activeOption);
    // A menu opens scrolled to its first option: skip scrollIntoView, the costliest step of opening.
    if (option && (option.previousSibling || option.parentElement?.scrollTop))
      option.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  useComboboxAria(editor, expanded, listboxId, activeOption);

  const { refs, floatingStyles, update } = useFloating({
    open: menu.open,
    placement: 'bottom-start',
    strategy: 'fixed',
    middleware: MIDDLEWARE,
    whileElementsMounted: autoUpdate,
  });

  const { clientRect, open } = menu;
  const caret = useRef(clientRect);
  caret.current = clientRect;
  // One anchor per editor that reads the latest caret: a new anchor per keystroke would restart
  // autoUpdate's observers (a forced layout each) in the task of every letter typed.
  useClientLayoutEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const element = editor.view.dom;
    refs.setPositionReference({
      getBoundingClientRect: () => caret.current?.() ?? element.getBoundingClientRect(),
      contextElement: element,
    });
  }, [editor, refs]);

  // The portal leaves the composer's subtree: carry its theme, direction and tokens along. Read
  // once per opening (and on a theme or dir change): style reads force a layout, too costly for
  // every letter of the query.
  const context = usePortalTheme(
    () => (open && editor && !editor.isDestroyed ? editor.view.dom : null),
    { deps: [open, editor] },
  );
  const style = useMemo(
    () => (context.style ? { ...context.style, ...floatingStyles } : floatingStyles),
    [context.style, floatingStyles],
  );

  // autoUpdate places the menu as it opens and follows its size; afterwards only a moved anchor
  // needs a new place. A letter added to the query moves only its end edge: the corner the menu
  // hangs from (bottom-start) stays, and placing the menu again would only repeat the measuring.
  const corner = useRef<string | null>(null);
  useClientLayoutEffect(() => {
    const rect = open ? caret.current?.() : null;
    const start = context.dir === 'rtl' ? rect?.right : rect?.left;
    const now = rect ? `${rect.top} ${rect.bottom} ${start}` : null;
    if (corner.current !== null && now !== null && now !== corner.current) update();
    corner.current = now;
  }, [open, clientRect, context.dir, update]);

  if (!menu.open) return null;
  const keepFocus = (event: { preventDefault(): void }) => event.preventDefault();

  let body: ReactNode;
  if (menu.status === 'unavailable' && menu.reason) {
    body = (
      <p className="aside-mention-menu__note">
        <InfoIcon />
        {labels.unavailable[menu.reason]}
      </p>
    );
  } else if (menu.status === 'error') {
    body = (
      <div className="aside-mention-menu__note aside-mention-menu__note--error">
        <span>{labels.mentionsError}</span>
        <button
          type="button"
          className="aside-mention-menu__retry"
          onMouseDown={keepFocus}
          onClick={() => menu.retry()}
        >
          {labels.retry}
        </button>
      </div>
    );
  } else if (menu.items.length === 0) {
    body = (
      <p className="aside-mention-menu__note">
        {menu.status === 'loading' ? labels.mentionsLoading : labels.mentionsEmpty(menu.query)}
      </p>
    );
  } else {
    body = (
      <div
        id={listboxId}
        role="listbox"
        aria-label={labels.mentionMenu}
        aria-busy={menu.status === 'loading' || undefined}
        className="aside-mention-menu__list"
      >
        {menu.items.map((item, index) => (
          // Options are chosen with the editor's keys (combobox); the mouse works too.
          // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: each letter swaps the agents; rows updated in place cost less than rows removed and created
            key={index}
            id={optionId(index)}
            role="option"
            // Focus stays in the editor (aria-activedescendant); options are never tab stops.
            tabIndex={-1}
            aria-selected={index === menu.activeIndex}
            className="aside-mention-menu__option"
            onMouseDown={keepFocus}
            onMouseMove={() => menu.highlight(index)}
            onClick={() => menu.choose(index)}
          >
            <Option
              // A host's own option keeps whatever state it holds with its agent.
              key={components?.MentionOption ? item.agent.id : undefined}
              agent={item.agent}
              active={index === menu.activeIndex}
              hint={item.hint}
              hintLabel={item.hint ? labels.hints[item.hint] : undefined}
            />
          </div>
        ))}
      </div>
    );
  }

  // Portalled to the body so no overflow or stacking context of the host clips it.
  return createPortal(
    <div
      {...context}
      ref={refs.setFloating}
      style={style}
      className="aside-mention-menu"
      data-status={menu.status}
    >
      {body}
      {/* Outside the listbox (only options belong there); the live count already says it. */}
      {expanded && menu.total > menu.items.length && (
        <p className="aside-mention-menu__more">
          {labels.mentionsMore(menu.total - menu.items.length)}
        </p>
      )}
    </div>,
    editor?.view.dom.ownerDocument.body ?? document.body,
  );
}
