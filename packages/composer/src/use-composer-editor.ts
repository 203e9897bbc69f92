import {
  type ComposerMode,
  type ComposerState,
  EMPTY_DOC,
  gateMentions,
  mentionGate,
  type RichTextNode,
  toPlainText,
} from '@aside/core';
import type { Editor } from '@tiptap/core';
import { EditorState } from '@tiptap/pm/state';
import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ComposerKeymap } from './extensions/composer-keymap';
import { formattingExtensions } from './extensions/formatting';
import { createAsideMention, type MentionGateState } from './extensions/mention-gate';
import type { ComposerLabels } from './labels';
import { MODES } from './mode-shortcuts';
import type { MentionSuggestions } from './suggestions/controller';

/** Idle time before a draft is serialised and saved; blur, mode switch and submit save at once. */
export const DRAFT_SAVE_DELAY_MS = 300;

const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function stateFor(editor: Editor, doc: RichTextNode, gate: MentionGateState): EditorState {
  const json = gateMentions(doc, gate.mode, gate.mentions);
  let node: ReturnType<Editor['schema']['nodeFromJSON']>;
  try {
    node = editor.schema.nodeFromJSON(json);
    node.check();
  } catch {
    // A draft from another editor with nodes this schema lacks: keep its words.
    node = editor.schema.nodeFromJSON({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: toPlainText(doc) || ' ' }] }],
    });
  }
  // A fresh state per mode: undo history never crosses from one mode into the other (R8).
  return EditorState.create({ schema: editor.schema, doc: node, plugins: editor.state.plugins });
}

/**
 * Show another EditorState. `updateState` dispatches no transaction, so a meta-only one follows:
 * it re-applies the mention gate and tells `useEditorState` subscribers (empty flag, plan line).
 */
function show(editor: Editor, state: EditorState) {
  editor.view.updateState(state);
  editor.commands.applyMentionGate();
}

/** What the empty editor invites: nothing where the agent cannot write, no `@` where mentions are off. */
function placeholderFor(
  { labels, writable }: Pick<ComposerEditorOptions, 'labels' | 'writable'>,
  gate: MentionGateState,
): string {
  if (!writable) return '';
  if (mentionGate(gate.mode, gate.mentions).reason) return labels.placeholderWithoutMentions;
  return labels.placeholders[gate.mode];
}

export interface ComposerEditorOptions {
  readonly mode: ComposerMode;
  readonly composer: ComposerState | undefined;
  readonly gate: MentionGateState;
  /** False for an agent who may only view: the editor takes no input (R4). */
  readonly writable: boolean;
  readonly labels: ComposerLabels;
  readonly suggestions: MentionSuggestions;
  readonly setDraft: (mode: ComposerMode, doc: RichTextNode) => void;
  readonly onSubmit: () => void;
  /** Mod+K in the editor. */
  readonly onEditLink?: () => void;
  /** Ids the editor element is described by (banner, errors, mention plan). */
  readonly describedBy: string;
}

/**
 * One Tiptap editor that shows the draft of the current mode. Each mode keeps its own
 * EditorState (content, selection, undo history); switching swaps states and never moves text
 * (R8). Drafts reach the store after a short idle time, and store drafts that arrive later
 * (loaded from the DraftStore) never overwrite what the agent is typing (R18).
 */
export function useComposerEditor(options: ComposerEditorOptions) {
  const latest = useRef(options);
  latest.current = options;
  // The mode and mention decision the editor's document is gated by. The decision is for the
  // store's mode, so it moves only with the mode the editor shows (in the mode-switch effect).
  const gate = useRef(options.gate);
  if (options.gate.mode === gate.current.mode) gate.current = options.gate;

  const states = useRef<Partial<Record<ComposerMode, EditorState>>>({});
  const written = useRef<Partial<Record<ComposerMode, RichTextNode>>>({});
  const dirty = useRef<Record<ComposerMode, boolean>>({
    'public-reply': false,
    'internal-note': false,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const editorRef = useRef<Editor | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const editor = editorRef.current;
    const mode = gate.current.mode;
    if (!editor || editor.isDestroyed || !dirty.current[mode]) return;
    dirty.current[mode] = false;
    const doc = editor.getJSON() as RichTextNode;
    written.current[mode] = doc;
    latest.current.setDraft(mode, doc);
  }, []);

  const [editorOptions] = useState(() => {
    const initialMode = options.mode;
    gate.current = options.gate;
    const initialDoc = options.composer?.drafts[initialMode].doc ?? EMPTY_DOC;
    written.current[initialMode] = initialDoc;
    return {
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      content: gateMentions(initialDoc, initialMode, options.gate.mentions) as never,
      extensions: [
        ...formattingExtensions({
          placeholder: () => placeholderFor(latest.current, gate.current),
          onEditLink: () => latest.current.onEditLink?.(),
        }),
        ...createAsideMention({ gate: () => gate.current, suggestions: options.suggestions }),
        ComposerKeymap.configure({ onSubmit: () => latest.current.onSubmit() }),
      ],
      editorProps: {
        attributes: () => ({
          class: 'aside-composer__editor',
          'aria-label': latest.current.labels.modes[gate.current.mode],
          'aria-describedby': latest.current.describedBy,
          ...(latest.current.writable ? {} : { 'aria-readonly': 'true' }),
        }),
      },
      onUpdate: ({ transaction }: { transaction: { docChanged: boolean } }) => {
        if (!transaction.docChanged) return;
        dirty.current[gate.current.mode] = true;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(flush, DRAFT_SAVE_DELAY_MS);
      },
      onBlur: () => {
        flush();
        // Options keep the editor focused (mousedown is cancelled), so a blur means the agent left.
        latest.current.suggestions.close();
      },
    };
  });
  const editor = useEditor(editorOptions, []);
  editorRef.current = editor;

  // Store drafts the editor has not seen: loaded from the DraftStore, or cleared by a submit.
  const drafts = options.composer?.drafts;
  useEffect(() => {
    if (!editor || !drafts) return;
    for (const mode of MODES) {
      const doc = drafts[mode].doc;
      if (doc === written.current[mode] || dirty.current[mode]) continue;
      written.current[mode] = doc;
      if (mode === gate.current.mode) show(editor, stateFor(editor, doc, gate.current));
      else delete states.current[mode];
    }
  }, [editor, drafts]);

  // Mode switch: park this mode's state, bring back the other's.
  const { mode } = options;
  useClientLayoutEffect(() => {
    if (!editor || editor.isDestroyed || gate.current.mode === mode) return;
    flush();
    latest.current.suggestions.close();
    states.current[gate.current.mode] = editor.state;
    gate.current = latest.current.gate;
    const parked = states.current[mode];
    const doc = latest.current.composer?.drafts[mode].doc ?? EMPTY_DOC;
    show(editor, parked ?? stateFor(editor, doc, gate.current));
  }, [editor, mode, flush]);

  // Mentions became unavailable (or available) while a note is open.
  const mentions = options.gate.mentions;
  useEffect(() => {
    if (editor && !editor.isDestroyed && mentions) editor.commands.applyMentionGate();
  }, [editor, mentions]);

  useEffect(() => () => flush(), [flush]);

  return { editor, flush };
}
