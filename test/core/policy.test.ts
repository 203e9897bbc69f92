import {
  type Agent,
  type AgentRole,
  type Conversation,
  canAddFollower,
  canMention,
  canRemoveFollower,
  mentionHint,
  planMentions,
  type Settings,
} from '@aside/core';
import { demoAgents, demoConversations, demoEndUsers } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';

const on: Settings = { collaborationEnabled: true, mentionWithoutAccess: 'add' };
const refund = demoConversations.find((c) => c.id === 'conv-refund')!;
const as = (role: AgentRole): Agent => ({ ...demoAgents.sam, role });
const withChannel = (channel: Conversation['channel']): Conversation => ({ ...refund, channel });

describe('canMention', () => {
  it('R2: an agent with edit permission may mention in an internal note on messaging and tickets', () => {
    expect(canMention(demoAgents.sam, refund, on).allowed).toBe(true);
    expect(canMention(demoAgents.sam, withChannel('ticket'), on).allowed).toBe(true);
  });

  it('R3: @mentions never work in a public reply', () => {
    expect(canMention(demoAgents.sam, refund, on, 'public-reply')).toEqual({
      allowed: false,
      reason: 'public-reply',
    });
  });

  it.each([
    [
      'collaboration turned off by an admin',
      demoAgents.sam,
      refund,
      { ...on, collaborationEnabled: false },
      'collaboration-off',
    ],
    ['a live chat conversation', demoAgents.sam, withChannel('live-chat'), on, 'live-chat'],
    ['a light agent', as('light-agent'), refund, on, 'role-cannot-add-followers'],
    ['a contributor', as('contributor'), refund, on, 'role-cannot-add-followers'],
    ['a chat-only agent', as('chat-only-agent'), refund, on, 'role-cannot-add-followers'],
    [
      'an agent with view access only',
      demoAgents.nora,
      { ...refund, access: { [demoAgents.nora.id]: 'view' } },
      on,
      'no-edit-permission',
    ],
  ] as const)(
    'R4: unavailable for %s, with the reason as a typed code',
    (_, agent, conversation, settings, reason) => {
      expect(canMention(agent, conversation, settings)).toEqual({ allowed: false, reason });
    },
  );

  it('R4: admins may mention like agents', () => {
    expect(canMention(as('admin'), refund, on).allowed).toBe(true);
  });

  it('returns the same decision object each time, so UI selectors stay stable', () => {
    expect(canMention(as('light-agent'), refund, on)).toBe(
      canMention(as('contributor'), refund, on),
    );
  });
});

describe('canAddFollower', () => {
  it('R5: an end user can never be added', () => {
    expect(canAddFollower(demoAgents.sam, demoEndUsers[0]!, refund, on)).toEqual({
      allowed: false,
      reason: 'not-an-agent',
    });
  });

  it('R6: an agent may add themselves to follow a conversation they are not assigned', () => {
    const unassigned = { ...refund, assigneeId: demoAgents.ada.id, followerIds: [] };
    expect(canAddFollower(demoAgents.sam, demoAgents.sam, unassigned, on).allowed).toBe(true);
  });

  it('R6: followers and the assignee are not added again', () => {
    expect(canAddFollower(demoAgents.sam, demoAgents.ada, refund, on)).toEqual({
      allowed: false,
      reason: 'already-participant',
    });
    expect(canAddFollower(demoAgents.ada, demoAgents.sam, refund, on)).toEqual({
      allowed: false,
      reason: 'already-participant',
    });
  });

  it('R7: the host policy decides whether an agent who cannot view is added', () => {
    expect(canAddFollower(demoAgents.sam, demoAgents.nora, refund, on).allowed).toBe(true);
    expect(
      canAddFollower(demoAgents.sam, demoAgents.nora, refund, {
        ...on,
        mentionWithoutAccess: 'skip',
      }),
    ).toEqual({
      allowed: false,
      reason: 'target-cannot-view',
    });
  });

  it('R4: whoever may not mention may not add followers either', () => {
    expect(canAddFollower(demoAgents.lee, demoAgents.jane, refund, on).allowed).toBe(false);
  });
});

describe('canRemoveFollower', () => {
  it('R10: agents and admins with edit permission may remove a follower', () => {
    expect(canRemoveFollower(demoAgents.sam, refund, demoAgents.ada.id).allowed).toBe(true);
    expect(canRemoveFollower(as('admin'), refund, demoAgents.ada.id).allowed).toBe(true);
  });

  it.each([
    ['a light agent', as('light-agent'), refund, 'role-cannot-remove-followers'],
    ['a contributor', as('contributor'), refund, 'role-cannot-remove-followers'],
    [
      'an agent with view access',
      demoAgents.jane,
      { ...refund, defaultAccess: 'view' as const },
      'no-edit-permission',
    ],
  ] as const)('R10: %s sees no X', (_, agent, conversation, reason) => {
    expect(canRemoveFollower(agent, conversation)).toEqual({ allowed: false, reason });
  });
});

describe('planMentions and hints', () => {
  const people = new Map([...Object.values(demoAgents), ...demoEndUsers].map((p) => [p.id, p]));
  const lookup = (id: string) => people.get(id);

  it('R6, R7: says who will be added and flags who cannot view', () => {
    const plan = planMentions(
      demoAgents.sam,
      refund,
      on,
      [demoAgents.jane.id, demoAgents.nora.id, demoAgents.ada.id],
      lookup,
    );
    expect(plan.add.map((a) => a.name)).toEqual(['Jane Doe', 'Nora Blake']);
    expect(plan.cannotView.map((a) => a.name)).toEqual(['Nora Blake']);
    expect(plan.invalidIds).toEqual([]);
  });

  it('R5: unknown ids and end users are invalid', () => {
    const plan = planMentions(demoAgents.sam, refund, on, ['nobody', demoEndUsers[0]!.id], lookup);
    expect(plan.invalidIds).toEqual(['nobody', demoEndUsers[0]!.id]);
    expect(plan.add).toEqual([]);
  });

  it('R7: suggestions are labelled assignee, follower or cannot-view', () => {
    expect(mentionHint(refund, demoAgents.sam.id)).toBe('assignee');
    expect(mentionHint(refund, demoAgents.ada.id)).toBe('follower');
    expect(mentionHint(refund, demoAgents.nora.id)).toBe('cannot-view');
    expect(mentionHint(refund, demoAgents.jane.id)).toBeNull();
  });
});
