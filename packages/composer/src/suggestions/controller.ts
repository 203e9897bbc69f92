import type {
  MentionGate,
  MentionOffReason,
  MentionSearchResult,
  MentionSuggestion,
} from '@aside/core';
import { listNavigationTarget } from '@aside/react';
import type { Editor, Range } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import { exitSuggestion, type SuggestionOptions, type SuggestionProps } from '@tiptap/suggestion';

/** Idle time before the directory is asked; Tiptap's Suggestion aborts the stale request. */
export const MENTION_SEARCH_DEBOUNCE_MS = 150;

export type MentionSuggestionsStatus = 'loading' | 'ready' | 'error' | 'unavailable';

export interface MentionSuggestionsState {
  /** An `@` query is being typed in an internal note. */
  readonly open: boolean;
  readonly status: MentionSuggestionsStatus;
  readonly query: string;
  readonly items: readonly MentionSuggestion[];
  /** How many agents match in all; above `items.length`, the menu says "N more — keep typing". */
  readonly total: number;
  readonly activeIndex: number;
  /** Set when status is `unavailable` (R4). */
  readonly reason: MentionOffReason | null;
  /** The caret's rectangle, for positioning a menu. */
  readonly clientRect: (() => DOMRect | null) | null;
}

export interface MentionSuggestions {
  getSnapshot(): MentionSuggestionsState;
  subscribe(listener: () => void): () => void;
  highlight(index: number): void;
  /** Insert the suggestion at `index` (default: the highlighted one). */
  choose(index?: number): void;
  close(): void;
  /** Ask the directory again after an error (R18). */
  retry(): void;
  /**
   * Options for Tiptap's Suggestion utility; used by `createAsideMention`. `gate` answers, for the
   * editor's current mode, the core's `mentionGate(mode, decision)`.
   */
  suggestionOptions(
    gate: () => MentionGate,
  ): Omit<SuggestionOptions<MentionSuggestion, MentionAttrs>, 'editor'>;
}

export interface MentionAttrs {
  readonly id: string;
  readonly label: string;
}

export const CLOSED: MentionSuggestionsState = Object.freeze({
  open: false,
  status: 'ready',
  query: '',
  items: [],
  total: 0,
  activeIndex: 0,
  reason: null,
  clientRect: null,
});

/** The menu's arrows go round; Home and End stay with the editor's caret. */
const MENU_KEYS = { orientation: 'vertical', wrap: true, homeEnd: false } as const;

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** The mention menu's state as a small observable store, fed by Tiptap's Suggestion utility. */
export function createMentionSuggestions(options: {
  readonly search: (query: string, signal: AbortSignal) => Promise<MentionSearchResult>;
  readonly debounceMs?: number;
}): MentionSuggestions {
  let state = CLOSED;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  let frame = 0;
  /**
   * `beforePaint`: tell listeners just before the next frame, so results found before then paint
   * with the menu in its first frame instead of after a loading render.
   */
  const set = (partial: Partial<MentionSuggestionsState>, beforePaint = false) => {
    state = { ...state, ...partial };
    cancelAnimationFrame(frame);
    if (beforePaint) frame = requestAnimationFrame(notify);
    else notify();
  };
  const pluginKey = new PluginKey('asideMention');
  let editor: Editor | null = null;
  let command: ((attrs: MentionAttrs) => void) | null = null;
  let lastError: unknown = null;
  let retrying: AbortController | null = null;
  let gate: () => MentionGate = () => ({ keep: false, menu: false, reason: null });
  // Tiptap's Suggestion hands back the very array `items` resolved to: its total rides along.
  const totals = new WeakMap<readonly MentionSuggestion[], number>();
  const search = async (query: string, signal: AbortSignal) => {
    const { suggestions, total } = await options.search(query, signal);
    const items = [...suggestions];
    totals.set(items, Math.max(total, items.length));
    return items;
  };

  const choose = (index = state.activeIndex) => {
    const item = state.items[index];
    if (!item || !command) return;
    command({ id: item.agent.id, label: item.agent.name });
  };

  const sync = (props: SuggestionProps<MentionSuggestion, MentionAttrs>) => {
    editor = props.editor;
    command = props.command;
    const { reason } = gate();
    const queryChanged = props.query !== state.query;
    const base = {
      open: true,
      query: props.query,
      clientRect: props.clientRect ?? null,
      reason,
    };
    if (reason) return set({ ...base, status: 'unavailable', items: [], total: 0 });
    if (props.loading) {
      retrying?.abort();
      const activeIndex = queryChanged ? 0 : state.activeIndex;
      return set({ ...base, status: 'loading', activeIndex }, true);
    }
    set({
      ...base,
      status: lastError ? 'error' : 'ready',
      items: props.items,
      total: totals.get(props.items) ?? props.items.length,
      activeIndex: Math.min(state.activeIndex, Math.max(0, props.items.length - 1)),
    });
  };

  const retry = () => {
    if (!state.open || state.status !== 'error') return;
    retrying?.abort();
    const controller = new AbortController();
    retrying = controller;
    const query = state.query;
    set({ status: 'loading' });
    search(query, controller.signal).then(
      (items) => {
        if (controller.signal.aborted || state.query !== query) return;
        lastError = null;
        set({ status: 'ready', items, total: totals.get(items) ?? items.length, activeIndex: 0 });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        lastError = error;
        set({ status: 'error', items: [], total: 0 });
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent): boolean => {
    // Never act on keys that belong to an IME composition (keyCode 229 in Chromium).
    if (event.isComposing || event.keyCode === 229) return false;
    if (event.key === 'Escape') {
      set(CLOSED);
      return true;
    }
    if (state.status === 'unavailable' || event.metaKey || event.ctrlKey || event.altKey) {
      return false;
    }
    const count = state.items.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const target = listNavigationTarget(event.key, state.activeIndex, count, MENU_KEYS);
      if (target === null) return state.status === 'loading';
      set({ activeIndex: target });
      return true;
    }
    if (event.key === 'Enter' && state.status === 'error') {
      retry();
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      if (count > 0) {
        choose();
        return true;
      }
      // Enter typed before the results arrived must not break the line under the query.
      return state.status === 'loading' && event.key === 'Enter';
    }
    return false;
  };

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    highlight(index) {
      if (index >= 0 && index < state.items.length && index !== state.activeIndex)
        set({ activeIndex: index });
    },
    choose,
    close() {
      if (editor && state.open) exitSuggestion(editor.view, pluginKey);
      set(CLOSED);
    },
    retry,
    suggestionOptions(nextGate) {
      gate = nextGate;
      return {
        pluginKey,
        char: '@',
        debounce: options.debounceMs ?? MENTION_SEARCH_DEBOUNCE_MS,
        // Escape closes the menu; typing more of the name (`@Jan` → `@Jane`) opens it again.
        shouldResetDismissed: ({ transaction }) => transaction.docChanged,
        // R3: in a public reply `@` is only a character.
        allow: ({ state: editorState, range }) => {
          if (!gate().menu) return false;
          const type = editorState.schema.nodes.mention;
          const $from = editorState.doc.resolve(range.from);
          return !!type && !!$from.parent.type.contentMatch.matchType(type);
        },
        items: async ({ query, signal }) => {
          if (!gate().keep) return [];
          lastError = null;
          try {
            return await search(query, signal);
          } catch (error) {
            if (signal.aborted || isAbort(error)) throw error;
            lastError = error;
            return [];
          }
        },
        command: ({ editor: target, range, props }) => {
          // Like Mention's own command: the node plus one space, reusing a space already there.
          const after = target.view.state.selection.$to.nodeAfter;
          const to: Range = after?.text?.startsWith(' ') ? { ...range, to: range.to + 1 } : range;
          target
            .chain()
            .focus()
            .insertContentAt(to, [
              { type: 'mention', attrs: { id: props.id, label: props.label } },
              { type: 'text', text: ' ' },
            ])
            .run();
        },
        render: () => ({
          onStart: sync,
          onUpdate: sync,
          onExit: () => {
            retrying?.abort();
            lastError = null;
            command = null;
            set(CLOSED);
          },
          onKeyDown: ({ event }) => onKeyDown(event),
        }),
      };
    },
  };
}
