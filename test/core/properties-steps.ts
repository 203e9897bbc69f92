import type { RichTextNode } from '@aside/core';
import { demoAgents, demoConversations, demoEndUsers } from '@aside/core/memory';
import fc from 'fast-check';
import { isBlankText, type Mode, type Piece } from './properties-model';

// What an agent and the world around them do in one session, in proportions that reach every
// rule: notes with mentions of agents, end users and unknown ids, mode switches with content,
// follower changes, settings changes, and backend failures.

const agents = Object.values(demoAgents);
export const people = [
  ...agents.map((a) => ({ id: a.id, kind: 'agent' as const, role: a.role })),
  ...demoEndUsers.map((u) => ({ id: u.id, kind: 'end-user' as const })),
];
const nameOf = (id: string) =>
  [...agents, ...demoEndUsers].find((person) => person.id === id)?.name ?? id;
export const agentIds = agents.map((a) => a.id);
export const strangerIds = [...demoEndUsers.map((u) => u.id), 'unknown-id'];

export type Step =
  | { type: 'type'; mode: Mode; pieces: Piece[]; failSave: boolean; send: boolean; fail: boolean }
  | { type: 'switch'; mode: Mode }
  | { type: 'submit'; fail: boolean }
  | { type: 'add'; pick: number; anyone: boolean; fail: boolean }
  | { type: 'remove'; pick: number; anyone: boolean; fail: boolean }
  | { type: 'others'; follow: boolean; id: string; delivery: Delivery }
  | { type: 'settings'; collaborationEnabled: boolean; mentionWithoutAccess: 'add' | 'skip' };

/**
 * How the live stream delivers another agent's change (protocol v2): as sent, lost (a later
 * reconnect announces the version), twice, or followed by a replay of an older change.
 */
export type Delivery = 'sent' | 'lost' | 'twice' | 'stale-replay';

const mode = fc.constantFrom<Mode>('internal-note', 'internal-note', 'public-reply');
const words = fc.constantFrom(
  'Refund is ready',
  'please check',
  'ok',
  'thanks',
  ' ',
  // Zero-width-only text counts as empty (R19).
  '\u200b',
  '\u200b\u2060',
);
const mentionOf = fc.oneof(
  // Nora cannot view two of the conversations: R7's flag and policy get exercised.
  { weight: 6, arbitrary: fc.constantFrom(...agentIds, demoAgents.nora.id) },
  { weight: 2, arbitrary: fc.constantFrom(...strangerIds) },
);
const piece: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: words.map((text) => ({ text })) },
  { weight: 2, arbitrary: mentionOf.map((mentionId) => ({ mentionId })) },
);
const fails = (percent: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= percent);
export const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('type' as const),
      mode,
      pieces: fc.oneof(
        { weight: 1, arbitrary: fc.constant<Piece[]>([]) },
        { weight: 6, arbitrary: fc.array(piece, { minLength: 1, maxLength: 4 }) },
      ),
      failSave: fails(4),
      send: fails(65),
      fail: fails(10),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('switch' as const), mode }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('submit' as const), fail: fails(10) }) },
  ...(['add', 'remove'] as const).map((type) => ({
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant(type),
      // Mostly someone the change can apply to (a non-follower to add, a follower to remove).
      pick: fc.nat(20),
      anyone: fails(30),
      fail: fails(30),
    }),
  })),
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('others' as const),
      follow: fc.boolean(),
      id: fc.constantFrom(...agentIds),
      delivery: fc.constantFrom<Delivery>('sent', 'sent', 'lost', 'twice', 'stale-replay'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('settings' as const),
      collaborationEnabled: fc.constantFrom(true, true, true, false),
      mentionWithoutAccess: fc.constantFrom<'add' | 'skip'>('add', 'skip'),
    }),
  },
);

/** The document an editor would hold for these pieces (neighbouring text merged, no empty text). */
export function docOf(pieces: readonly Piece[]): RichTextNode {
  const inline: RichTextNode[] = [];
  for (const p of pieces) {
    const last = inline[inline.length - 1];
    if ('mentionId' in p) {
      inline.push({ type: 'mention', attrs: { id: p.mentionId, label: nameOf(p.mentionId) } });
    } else if (p.text && last?.type === 'text') {
      inline[inline.length - 1] = { type: 'text', text: `${last.text}${p.text}` };
    } else if (p.text) inline.push({ type: 'text', text: p.text });
  }
  return {
    type: 'doc',
    content: [{ type: 'paragraph', ...(inline.length ? { content: inline } : {}) }],
  };
}

export const nodesOf = (node: RichTextNode): RichTextNode[] => [
  node,
  ...(node.content ?? []).flatMap(nodesOf),
];
/** Our own emptiness test for comparing drafts: no visible text and no mention. */
export const blank = (doc: RichTextNode) =>
  nodesOf(doc).every((n) => n.type !== 'mention' && isBlankText(n.text ?? ''));
export const sameDraft = (seen: RichTextNode, expected: RichTextNode) =>
  blank(expected) ? blank(seen) : JSON.stringify(seen) === JSON.stringify(expected);
export const sorted = (ids: readonly string[]) => [...ids].sort();

export const actorArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(demoAgents.sam.id, demoAgents.ada.id) },
  { weight: 2, arbitrary: fc.constantFrom(...agentIds) },
);
export const conversationArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('conv-refund', 'conv-printer') },
  { weight: 1, arbitrary: fc.constantFrom(...demoConversations.map((c) => c.id)) },
);
