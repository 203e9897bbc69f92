import { type ComposerMode, type Message, mentionGate } from '@aside/core';
import { useComposerState, useCustomisation, useMentionSearch } from '@aside/react';
import { EditorContent, useEditorState } from '@tiptap/react';
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { type ComposerLabelOverrides, defaultComposerLabels } from '../labels';
import { modeForShortcut } from '../mode-shortcuts';
import { createMentionSuggestions } from '../suggestions/controller';
import { useComposerEditor } from '../use-composer-editor';
import { type ComposerToolbarProps, FormattingToolbar } from './formatting-toolbar';
import { InfoIcon, LockIcon } from './icons';
import { LinkPopover } from './link-popover';
import { MentionAnnouncer } from './mention-announcer';
import { type MentionComponents, MentionMenu } from './mention-menu';
import { MentionPlanLine } from './mention-plan-line';
import { ModeSwitch } from './mode-switch';

export interface ComposerProps {
  readonly conversationId: string;
  /** Any visible string; English defaults. */
  readonly labels?: ComposerLabelOverrides;
  /** After the backend accepted the message. */
  readonly onSubmitted?: (message: Message) => void;
  readonly className?: string;
  /** Render pieces to swap: `MentionOption` draws one agent in the @mention menu. */
  readonly components?: MentionComponents;
  /**
   * Put the caret in the editor once it is ready: for a host opening the conversation from a
   * toast's Reply (`onOpenConversation(id, { focus: 'composer' })`).
   */
  readonly autoFocus?: boolean;
  /** Wait after the last keystroke before asking the directory (default 150 ms). */
  readonly mentionSearchDebounceMs?: number;
  /**
   * The formatting toolbar: shown by default; `false` hides it (shortcuts and Mod+K still work);
   * a function renders the host's own toolbar in its place (see `useFormattingState`).
   */
  readonly toolbar?: boolean | ((props: ComposerToolbarProps) => ReactNode);
}

/** R1–R8: Public reply / Internal note composer with gated @mentions. Use inside `<AsideProvider>`. */
export function Composer({
  conversationId,
  labels: overrides,
  onSubmitted,
  className,
  components,
  autoFocus = false,
  mentionSearchDebounceMs,
  toolbar = true,
}: ComposerProps) {
  const [labels, locale] = useCustomisation('composer', defaultComposerLabels, overrides);
  const { composer, mentions, writing, setMode, setDraft, submit } =
    useComposerState(conversationId);
  const writable = writing?.allowed !== false;
  const search = useMentionSearch(conversationId);
  const searchRef = useRef(search);
  searchRef.current = search;
  const [suggestions] = useState(() =>
    createMentionSuggestions({
      search: (query, signal) => searchRef.current(query, signal),
      ...(mentionSearchDebounceMs === undefined ? {} : { debounceMs: mentionSearchDebounceMs }),
    }),
  );
  const mode: ComposerMode = composer?.mode ?? 'public-reply';
  const submitting = composer?.submitting ?? false;
  const [sent, setSent] = useState(0);
  const focusAfterSend = useRef(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const submittingRef = useRef(submitting);
  submittingRef.current = submitting;
  const editLink = useCallback(() => {
    if (!submittingRef.current) setLinkOpen(true);
  }, []);
  const closeLink = useCallback(() => setLinkOpen(false), []);

  const id = useId();
  const ids = {
    panel: `${id}-panel`,
    banner: `${id}-banner`,
    notice: `${id}-notice`,
    plan: `${id}-plan`,
    error: `${id}-error`,
    tab: (candidate: ComposerMode) => `${id}-tab-${candidate}`,
  };

  const submitRef = useRef<() => void>(() => {});
  const { editor, flush } = useComposerEditor({
    mode,
    composer,
    gate: { mode, mentions },
    writable,
    labels,
    suggestions,
    setDraft,
    onSubmit: () => submitRef.current(),
    onEditLink: editLink,
    describedBy: `${ids.banner} ${ids.notice} ${ids.plan} ${ids.error}`,
  });

  submitRef.current = () => {
    if (submitting || !writable) return;
    flush();
    suggestions.close();
    void submit().then((outcome) => {
      if (!outcome.ok) return;
      setSent((count) => count + 1);
      onSubmitted?.(outcome.message);
    });
  };

  useEffect(() => {
    if (autoFocus && editor && !editor.isDestroyed) editor.commands.focus('end');
  }, [autoFocus, editor]);

  const empty = useEditorState({
    editor,
    selector: ({ editor: current }) => current?.isEmpty ?? true,
  });

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const hadFocus = editor.view.hasFocus();
    editor.setEditable(!submitting && writable, false);
    // A read-only editor drops focus; give it back when sending ends, unless the agent moved on.
    if (submitting) focusAfterSend.current = hadFocus;
    else if (focusAfterSend.current) {
      focusAfterSend.current = false;
      const active = editor.view.dom.ownerDocument.activeElement;
      if (!active || active === editor.view.dom.ownerDocument.body) editor.commands.focus();
    }
  }, [editor, submitting, writable]);

  const changeMode = useCallback(
    (next: ComposerMode) => {
      if (submitting) return;
      flush();
      setLinkOpen(false);
      setMode(next);
    },
    [flush, setMode, submitting],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Alt+F10 (as in TinyMCE and CKEditor): to the toolbar, also from a list where Tab indents.
    if (event.altKey && event.key === 'F10') {
      const button = event.currentTarget.querySelector<HTMLElement>(
        '[role="toolbar"] [tabindex="0"]',
      );
      if (button) {
        event.preventDefault();
        button.focus();
      }
      return;
    }
    const next = modeForShortcut(event.nativeEvent);
    if (!next) return;
    event.preventDefault();
    changeMode(next);
  };

  const error = composer?.error ?? null;
  const toolbarProps: ComposerToolbarProps = {
    editor,
    labels,
    disabled: submitting || !writable,
    onEditLink: editLink,
  };
  const internal = mode === 'internal-note';
  // R4: say why before anyone types: view-only first, else why @mentions are off in a note.
  const offReason = mentionGate(mode, mentions).reason;
  const notice = !writable ? labels.viewOnly : offReason ? labels.unavailable[offReason] : null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: mode shortcuts work anywhere inside
    <div
      className={['aside-composer', className].filter(Boolean).join(' ')}
      data-mode={mode}
      data-submitting={submitting || undefined}
      lang={locale}
      onKeyDown={onKeyDown}
    >
      <ModeSwitch
        mode={mode}
        onChange={changeMode}
        labels={labels}
        idOf={ids.tab}
        panelId={ids.panel}
        disabled={submitting}
      />
      <div
        role="tabpanel"
        id={ids.panel}
        aria-labelledby={ids.tab(mode)}
        aria-busy={submitting || undefined}
        className="aside-composer__panel"
      >
        {internal ? (
          <p id={ids.banner} className="aside-composer__banner">
            <LockIcon />
            {labels.internalNoteBanner}
          </p>
        ) : (
          <span id={ids.banner} hidden />
        )}
        {notice ? (
          <p id={ids.notice} className="aside-composer__notice">
            <InfoIcon />
            {notice}
          </p>
        ) : (
          <span id={ids.notice} hidden />
        )}
        <EditorContent editor={editor} className="aside-composer__editor-host" />
        {internal ? (
          <MentionPlanLine
            editor={editor}
            conversationId={conversationId}
            labels={labels}
            id={ids.plan}
          />
        ) : (
          <span id={ids.plan} hidden />
        )}
        {error ? (
          <p id={ids.error} role="alert" className="aside-composer__error" title={error.message}>
            {labels.errors[error.code]}
          </p>
        ) : (
          <span id={ids.error} hidden />
        )}
        <div className="aside-composer__footer">
          {toolbar === true ? (
            <FormattingToolbar {...toolbarProps} />
          ) : toolbar ? (
            toolbar(toolbarProps)
          ) : null}
          {linkOpen && editor && !submitting && (
            <LinkPopover editor={editor} labels={labels} onClose={closeLink} />
          )}
          <span className="aside-composer__status" role="status">
            {submitting ? labels.sending : sent > 0 ? labels.sent : ''}
          </span>
          <button
            type="button"
            className="aside-composer__submit"
            aria-disabled={submitting || empty || !writable || undefined}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            onClick={() => submitRef.current()}
          >
            {submitting ? labels.sending : labels.submit[mode]}
          </button>
        </div>
      </div>
      <MentionMenu
        editor={editor}
        suggestions={suggestions}
        labels={labels}
        components={components}
      />
      <MentionAnnouncer suggestions={suggestions} labels={labels} />
    </div>
  );
}
