import type { Decision, MentionUnavailableReason } from './policy';
import { stripMentions } from './rich-text';
import type { ComposerMode, RichTextNode } from './types';

/** Why @mentions are off in an internal note: what the composer tells the agent (R4). */
export type MentionOffReason = Exclude<MentionUnavailableReason, 'public-reply'>;

/** What `@` may do in a composer in one mode, decided once for the editor, its menu and its notice. */
export interface MentionGate {
  /** Mention nodes may stay in the document; true while the decision is still loading (R3, R4). */
  readonly keep: boolean;
  /** `@` opens the mention menu: in an internal note, never in a public reply (R2, R3). */
  readonly menu: boolean;
  /** Set when mentions are off in an internal note, so the composer can say why (R4). */
  readonly reason: MentionOffReason | null;
}

const PUBLIC_REPLY: MentionGate = /* @__PURE__ */ Object.freeze({
  keep: false,
  menu: false,
  reason: null,
});
const OPEN: MentionGate = /* @__PURE__ */ Object.freeze({ keep: true, menu: true, reason: null });
const OFF = new Map<MentionOffReason, MentionGate>();

/**
 * R2–R4: the mention gate of a composer in `mode`, given the mention decision (`null` while the
 * conversation, agent or settings load). Returns shared constants, so it is cheap to call often.
 */
export function mentionGate(
  mode: ComposerMode,
  decision: Decision<MentionUnavailableReason> | null,
): MentionGate {
  if (mode === 'public-reply') return PUBLIC_REPLY;
  if (!decision || decision.allowed) return OPEN;
  if (decision.reason === 'public-reply') return PUBLIC_REPLY;
  const gate =
    OFF.get(decision.reason) ?? Object.freeze({ keep: false, menu: true, reason: decision.reason });
  OFF.set(decision.reason, gate);
  return gate;
}

/**
 * R3, R4: the document as a composer in `mode` may hold it. Where mentions are not kept (a public
 * reply, or mentions became unavailable mid-note) each mention becomes the plain text `@Name`,
 * keeping its marks; otherwise the same document is returned.
 */
export function gateMentions(
  doc: RichTextNode,
  mode: ComposerMode,
  decision: Decision<MentionUnavailableReason> | null,
): RichTextNode {
  return mentionGate(mode, decision).keep ? doc : stripMentions(doc);
}
