import {
  type Agent,
  type AsideState,
  avatarOf,
  type Conversation,
  extractMentionIds,
  gateMentions,
  initialsOf,
  mentionGate,
  type RichTextNode,
  type Settings,
  selectAddDecision,
  selectAddFollowerDecision,
  selectAssignee,
  selectFollowerIds,
  selectMentionDecision,
  selectMentionPlan,
  selectPendingFollowerIds,
  selectRemoveDecision,
  selectWriteDecision,
  toPlainText,
} from '@aside/core';
import { demoAgents, demoConversations, demoEndUsers } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';
import { doc, mention, text } from './helpers';

const on: Settings = { collaborationEnabled: true, mentionWithoutAccess: 'add' };
const refund = demoConversations.find((c) => c.id === 'conv-refund')!;
const people = Object.fromEntries(
  [...Object.values(demoAgents), ...demoEndUsers].map((person) => [person.id, person]),
);

function stateWith(
  overrides: { agent?: Agent | null; conversation?: Conversation | null; settings?: Settings } = {},
): AsideState {
  const conversation = overrides.conversation === undefined ? refund : overrides.conversation;
  return {
    currentAgentId: demoAgents.sam.id,
    currentAgent: overrides.agent === undefined ? demoAgents.sam : overrides.agent,
    settings: overrides.settings ?? on,
    conversations: conversation
      ? {
          [conversation.id]: {
            status: 'ready',
            conversation,
            pendingFollowerIds: [demoAgents.ada.id],
            error: null,
            olderCursor: null,
            loadingOlder: false,
          },
        }
      : {},
    composers: {},
    people,
    notifications: { items: [], unreadCount: 0, toasts: [] },
    error: null,
  };
}

describe('selectors: the core decides for one conversation in the store', () => {
  it('R9, R11: followers, pending ids and the assignee come from the store, the same arrays each time', () => {
    const state = stateWith();
    expect(selectFollowerIds(state, 'conv-refund')).toEqual([demoAgents.ada.id]);
    expect(selectFollowerIds(state, 'conv-refund')).toBe(selectFollowerIds(state, 'conv-refund'));
    expect(selectPendingFollowerIds(state, 'conv-refund')).toEqual([demoAgents.ada.id]);
    expect(selectAssignee(state, 'conv-refund')).toBe(demoAgents.sam);
    expect(selectFollowerIds(state, 'conv-unknown')).toEqual([]);
  });

  it('R3: a public reply is refused at once, even before anything has loaded', () => {
    const loading = stateWith({ conversation: null });
    expect(selectMentionDecision(loading, 'conv-refund', 'public-reply')).toEqual({
      allowed: false,
      reason: 'public-reply',
    });
    expect(selectMentionDecision(loading, 'conv-refund', 'internal-note')).toBeNull();
  });

  it('R4: the mention decision for an internal note carries the first failing reason', () => {
    expect(selectMentionDecision(stateWith(), 'conv-refund', 'internal-note')).toEqual({
      allowed: true,
    });
    const off = stateWith({ settings: { ...on, collaborationEnabled: false } });
    expect(selectMentionDecision(off, 'conv-refund', 'internal-note')).toEqual({
      allowed: false,
      reason: 'collaboration-off',
    });
    const light = stateWith({ agent: demoAgents.lee });
    expect(selectAddDecision(light, 'conv-refund')).toEqual({
      allowed: false,
      reason: 'role-cannot-add-followers',
    });
  });

  it('R4: decisions are shared constants, so a selector answers with the same object for the same state', () => {
    const a = selectMentionDecision(stateWith(), 'conv-refund', 'internal-note');
    const b = selectMentionDecision(stateWith(), 'conv-refund', 'internal-note');
    expect(a).toBe(b);
  });

  it('R6: who may be added as a follower, with the reason for those who may not', () => {
    const state = stateWith();
    expect(selectAddFollowerDecision(state, 'conv-refund', demoAgents.jane)).toEqual({
      allowed: true,
    });
    expect(selectAddFollowerDecision(state, 'conv-refund', demoAgents.ada)).toEqual({
      allowed: false,
      reason: 'already-participant',
    });
    expect(selectAddFollowerDecision(state, 'conv-refund', demoEndUsers[0]!)).toEqual({
      allowed: false,
      reason: 'not-an-agent',
    });
  });

  it('R10: removal needs an agent or admin with edit permission; view-only agents may not write', () => {
    expect(selectRemoveDecision(stateWith(), 'conv-refund')).toEqual({ allowed: true });
    expect(selectRemoveDecision(stateWith({ agent: demoAgents.cora }), 'conv-refund')).toEqual({
      allowed: false,
      reason: 'role-cannot-remove-followers',
    });
    const readonly = demoConversations.find((c) => c.id === 'conv-readonly')!;
    const state = stateWith({ conversation: readonly });
    expect(selectWriteDecision(state, 'conv-readonly')).toEqual({
      allowed: false,
      reason: 'no-edit-permission',
    });
    expect(selectRemoveDecision(state, 'conv-readonly')).toEqual({
      allowed: false,
      reason: 'no-edit-permission',
    });
  });

  it('R5–R7: the mention plan adds new agents, flags who cannot view, refuses end users', () => {
    const plan = selectMentionPlan(stateWith(), 'conv-refund', [
      demoAgents.jane.id,
      demoAgents.nora.id,
      demoAgents.ada.id,
      'user-janet',
    ]);
    expect(plan?.add.map((agent) => agent.id)).toEqual([demoAgents.jane.id, demoAgents.nora.id]);
    expect(plan?.cannotView.map((agent) => agent.id)).toEqual([demoAgents.nora.id]);
    expect(plan?.invalidIds).toEqual(['user-janet']);
    expect(selectMentionPlan(stateWith({ conversation: null }), 'conv-refund', [])).toBeNull();
  });
});

describe('mentionGate: what @ does in each mode', () => {
  it.each([
    [
      'R3: public reply',
      'public-reply',
      { allowed: true },
      { keep: false, menu: false, reason: null },
    ],
    [
      'R2: internal note, allowed',
      'internal-note',
      { allowed: true },
      { keep: true, menu: true, reason: null },
    ],
    ['R2: internal note, loading', 'internal-note', null, { keep: true, menu: true, reason: null }],
    [
      'R4: internal note, live chat',
      'internal-note',
      { allowed: false, reason: 'live-chat' },
      { keep: false, menu: true, reason: 'live-chat' },
    ],
    [
      'R3: a public-reply decision',
      'internal-note',
      { allowed: false, reason: 'public-reply' },
      { keep: false, menu: false, reason: null },
    ],
  ] as const)('%s', (_name, mode, decision, expected) => {
    expect(mentionGate(mode, decision)).toEqual(expected);
  });
});

describe('gateMentions: mode-dependent mention stripping over rich-text JSON', () => {
  const bold = [{ type: 'bold' }];
  const note: RichTextNode = doc(
    text('Hi '),
    { type: 'mention', attrs: { id: 'agent-jane', label: 'Jane Doe' }, marks: bold },
    text(' and '),
    mention('agent-ada', 'Ada Lindqvist'),
  );

  it('R2: an internal note where mentions are allowed keeps the very same document', () => {
    expect(gateMentions(note, 'internal-note', { allowed: true })).toBe(note);
    expect(gateMentions(note, 'internal-note', null)).toBe(note);
  });

  it('R3: in a public reply every mention becomes the text @Name', () => {
    const gated = gateMentions(note, 'public-reply', { allowed: true });
    expect(extractMentionIds(gated)).toEqual([]);
    expect(toPlainText(gated)).toBe('Hi @Jane Doe and @Ada Lindqvist');
  });

  it('R4: when mentions become unavailable mid-note they become text and keep their marks', () => {
    const gated = gateMentions(note, 'internal-note', {
      allowed: false,
      reason: 'collaboration-off',
    });
    expect(extractMentionIds(gated)).toEqual([]);
    expect(gated.content?.[0]?.content).toContainEqual({
      type: 'text',
      text: '@Jane Doe',
      marks: bold,
    });
    expect(toPlainText(gated)).toBe('Hi @Jane Doe and @Ada Lindqvist');
  });
});

describe('avatarOf: one avatar rule for every component', () => {
  it.each([
    ['Jane Doe', 'JD'],
    ['Jane van Doe', 'JD'],
    ['  Ada  ', 'A'],
    ['élodie martin', 'ÉM'],
    ['', ''],
  ])('R9: initials of %j are %j (first and last word)', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it('R9: the directory picture wins; a person not loaded yet shows the initials of the stand-in name', () => {
    expect(avatarOf({ ...demoAgents.jane, avatarUrl: '/jane.png' })).toEqual({
      kind: 'picture',
      url: '/jane.png',
    });
    expect(avatarOf(demoAgents.jane)).toEqual({ kind: 'initials', initials: 'JD' });
    expect(avatarOf(null, 'Unknown agent')).toEqual({ kind: 'initials', initials: 'UA' });
  });
});
