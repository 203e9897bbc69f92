import type { Editor } from '@tiptap/core';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { currentLink, focusNow, linkHref, removeLink, setLink } from '../formatting/links';
import type { ComposerLabels } from '../labels';

export interface LinkPopoverProps {
  readonly editor: Editor;
  readonly labels: ComposerLabels;
  /** Called when the popover should go away; focus is already where it belongs. */
  readonly onClose: () => void;
}

/**
 * A small non-modal dialog with the link's address: Enter applies (http, https, mailto only,
 * with a visible error otherwise), Escape closes and returns focus to the editor, Remove link
 * unlinks. Opened by the toolbar's Link button or Mod+K.
 */
export function LinkPopover({ editor, labels, onClose }: LinkPopoverProps) {
  const id = useId();
  const [initial] = useState(() => currentLink(editor));
  const [value, setValue] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const href = linkHref(value);
    if (!href) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    setLink(editor, href);
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    focusNow(editor);
    onClose();
  };

  return (
    <div
      role="dialog"
      aria-label={labels.link.dialog}
      className="aside-link-popover"
      onKeyDown={onKeyDown}
      // Focus moving elsewhere (a click in the editor, Tab out) closes it, leaving focus there.
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onClose();
      }}
    >
      <form className="aside-link-popover__form" noValidate onSubmit={apply}>
        <label className="aside-link-popover__label" htmlFor={`${id}-url`}>
          {labels.link.url}
        </label>
        <input
          ref={input}
          id={`${id}-url`}
          className="aside-link-popover__input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
        />
        <button type="submit" className="aside-link-popover__button">
          {labels.link.apply}
        </button>
        {initial && (
          <button
            type="button"
            className="aside-link-popover__button"
            onClick={() => {
              removeLink(editor);
              onClose();
            }}
          >
            {labels.link.remove}
          </button>
        )}
      </form>
      {invalid && (
        <p id={`${id}-error`} role="alert" className="aside-link-popover__error">
          {labels.link.invalid}
        </p>
      )}
    </div>
  );
}
