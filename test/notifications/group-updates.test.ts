import type { NotificationItem } from '@aside/core';
import { describe, expect, it } from 'vitest';
import { groupAt, groupUpdates } from '../../packages/notifications/src/group-updates';
import { eventFor } from './events';

const item = (conversationId: string, createdAt: number, read = false): NotificationItem => ({
  event: eventFor({
    conversationId,
    conversationSubject: `Subject of ${conversationId}`,
    createdAt,
  }),
  read,
});

describe('grouping Messaging updates by conversation', () => {
  it('R14: one group per conversation, the group with the newest update first, newest first inside', () => {
    const items = [item('b', 50), item('a', 40), item('b', 30), item('c', 20), item('a', 10)];
    const { groups, order } = groupUpdates(items, 40, 84);
    expect(groups.map((group) => group.conversationId)).toEqual(['b', 'a', 'c']);
    expect(order.map(({ event }) => [event.conversationId, event.createdAt])).toEqual([
      ['b', 50],
      ['b', 30],
      ['a', 40],
      ['a', 10],
      ['c', 20],
    ]);
  });

  it('R14: a group counts its unread updates and is laid out header then rows', () => {
    const items = [item('a', 3), item('a', 2, true), item('b', 1)];
    const { groups, groupOf, height } = groupUpdates(items, 40, 84);
    expect(groups.map((group) => [group.unread, group.first, group.top])).toEqual([
      [1, 0, 0],
      [1, 2, 40 + 2 * 84],
    ]);
    expect([...groupOf]).toEqual([0, 0, 1]);
    expect(height).toBe(2 * 40 + 3 * 84);
  });

  it.each([
    [0, 0],
    [207, 0],
    [208, 1],
    [10_000, 1],
  ])('R14: the window starting at %i px begins in group %i', (y, expected) => {
    const { groups } = groupUpdates([item('a', 3), item('a', 2), item('b', 1)], 40, 84);
    expect(groupAt(groups, y)).toBe(expected);
  });
});
