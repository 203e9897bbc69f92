import type { ComposerMode, Decision, MentionUnavailableReason } from '@aside/core';
import { Extension } from '@tiptap/core';
import Mention, { type MentionOptions } from '@tiptap/extension-mention';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import type { MentionSuggestions } from '../suggestions/controller';
import { MENTION, mentionIdsIn } from './mention-scan';

/** What the gate asks before it lets a mention live in the document. */
export interface MentionGateState {
  readonly mode: ComposerMode;
  /** From `useComposerState().mentions`: null while loading. */
  readonly mentions: Decision<MentionUnavailableReason> | null;
}

/** R3, R4: mention nodes live only in an internal note where @mentions are available. */
export function acceptsMentions({ mode, mentions }: MentionGateState): boolean {
  return mode === 'internal-note' && mentions?.allowed !== false;
}

const gateKey = new PluginKey('asideMentionGate');

function mentionText(node: ProseMirrorNode): string {
  return `@${String(node.attrs.label ?? node.attrs.id ?? '')}`;
}

/** Every mention in `doc` becomes the plain text `@Name` (same marks), in one transaction. */
export function stripMentionNodes(tr: Transaction): Transaction {
  const found: { pos: number; node: ProseMirrorNode }[] = [];
  tr.doc.descendants((node, pos) => {
    if (node.type.name === MENTION) found.push({ pos, node });
    return !node.isTextblock || node.childCount > 0;
  });
  for (const { pos, node } of found.reverse()) {
    tr.replaceWith(
      pos,
      pos + node.nodeSize,
      tr.doc.type.schema.text(mentionText(node), node.marks),
    );
  }
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
    suggestion: suggestions.suggestionOptions(gate) as MentionOptions['suggestion'],
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
            return stripMentionNodes(state.tr);
          },
        }),
      ];
    },
  });

  return [AsideMention, MentionGate];
}
