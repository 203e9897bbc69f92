import {
  type ComposerMode,
  type Decision,
  gateMentions,
  type MentionUnavailableReason,
  mentionGate,
  type RichTextNode,
} from '@aside/core';
import { Extension } from '@tiptap/core';
import Mention, { type MentionOptions } from '@tiptap/extension-mention';
import type { Slice } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { MentionSuggestions } from '../suggestions/controller';
import { mentionIdsIn } from './mention-scan';

/** What the gate asks before it lets a mention live in the document. */
export interface MentionGateState {
  readonly mode: ComposerMode;
  /** From `useComposerState().mentions`: null while loading. */
  readonly mentions: Decision<MentionUnavailableReason> | null;
}

/** R3, R4: mention nodes live only in an internal note where @mentions are available (the core decides). */
export function acceptsMentions({ mode, mentions }: MentionGateState): boolean {
  return mentionGate(mode, mentions).keep;
}

const gateKey = new PluginKey('asideMentionGate');

/**
 * The core's `gateMentions` applied to the editor: each top-level block it changed is replaced
 * from its first to its last difference, so a caret outside that span stays where it was.
 */
function applyGate(state: EditorState, { mode, mentions }: MentionGateState): Transaction | null {
  const json = state.doc.toJSON() as RichTextNode;
  const gated = gateMentions(json, mode, mentions);
  if (gated === json) return null;
  const next = state.schema.nodeFromJSON(gated);
  const changes: { from: number; to: number; slice: Slice }[] = [];
  state.doc.forEach((block, blockPos, index) => {
    const replacement = next.child(index);
    const start = block.content.findDiffStart(replacement.content);
    if (start === null) return;
    let { a, b } = block.content.findDiffEnd(replacement.content) ?? { a: start, b: start };
    // Repeated characters can make the two ends overlap the start: widen both alike.
    const overlap = start - Math.min(a, b);
    if (overlap > 0) {
      a += overlap;
      b += overlap;
    }
    changes.push({
      from: blockPos + 1 + start,
      to: blockPos + 1 + a,
      slice: replacement.slice(start, b),
    });
  });
  if (changes.length === 0) return null;
  const tr = state.tr;
  // Last block first, so the positions of the earlier ones still hold.
  for (const { from, to, slice } of changes.reverse()) tr.replace(from, to, slice);
  return tr;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    asideMentionGate: {
      /** Re-check the whole document, e.g. after mentions became unavailable. */
      applyMentionGate: () => ReturnType;
    };
  }
}

export interface AsideMentionOptions {
  readonly gate: () => MentionGateState;
  /** The suggestion state behind the menu; see `createMentionSuggestions`. */
  readonly suggestions: MentionSuggestions;
}

/**
 * The `mention` node with Aside's rules: `@` opens suggestions only in an internal note (R2, R3),
 * and any mention that reaches a document where mentions are not accepted (typed, pasted, set
 * programmatically, mode switched) turns into the plain text `@Name` (R3). Backspace removes
 * a mention whole. Pasted mention spans keep their id only where mentions are accepted; the core
 * re-checks every id on submit (R5).
 */
export function createAsideMention({ gate, suggestions }: AsideMentionOptions) {
  const AsideMention = Mention.extend({
    addAttributes() {
      const parent = this.parent?.() ?? {};
      return {
        ...parent,
        label: {
          default: null,
          // A pasted span may carry its name only as text ("@Jane Doe").
          parseHTML: (element: HTMLElement) =>
            element.getAttribute('data-label') ??
            (element.textContent?.replace(/^@/, '').trim() || null),
          renderHTML: (attributes: Record<string, unknown>) =>
            attributes.label ? { 'data-label': attributes.label } : {},
        },
      };
    },
  }).configure({
    deleteTriggerWithBackspace: true,
    HTMLAttributes: { class: 'aside-mention' },
    // Our items carry the agent; the node attrs are { id, label } as Mention expects.
    suggestion: suggestions.suggestionOptions(() => {
      const { mode, mentions } = gate();
      return mentionGate(mode, mentions);
    }) as MentionOptions['suggestion'],
  });

  const MentionGate = Extension.create({
    name: 'asideMentionGate',
    addCommands() {
      return {
        applyMentionGate:
          () =>
          ({ tr, dispatch }) => {
            if (dispatch) tr.setMeta(gateKey, true);
            return true;
          },
      };
    },
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: gateKey,
          appendTransaction(transactions, _old, state) {
            const relevant = transactions.some((tr) => tr.docChanged || tr.getMeta(gateKey));
            if (!relevant || acceptsMentions(gate()) || mentionIdsIn(state.doc).length === 0) {
              return null;
            }
            return applyGate(state, gate());
          },
        }),
      ];
    },
  });

  return [AsideMention, MentionGate];
}
