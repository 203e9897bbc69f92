import type { NotificationItem } from '@aside/core';

/** The updates of one conversation in the Messaging updates list (R14). */
export interface UpdateGroup {
  readonly conversationId: string;
  /** The subject of the group's newest update. */
  readonly subject: string;
  /** Newest first. */
  readonly items: NotificationItem[];
  unread: number;
  /** Position in `order` of the group's first item. */
  first: number;
  /** Pixels from the top of the list to the group's header. */
  top: number;
}

export interface GroupedUpdates {
  /** Newest group first: ordered by each group's newest update. */
  readonly groups: readonly UpdateGroup[];
  /** Every item in display order, group after group; keyboard moves through this. */
  readonly order: readonly NotificationItem[];
  /** For each position in `order`, the index of its group. */
  readonly groupOf: Uint32Array;
  /** Height of the whole list in pixels. */
  readonly height: number;
}

/** Groups updates by conversation in one pass (10,000 items stay fast) and lays them out. */
export function groupUpdates(
  items: readonly NotificationItem[],
  headerHeight: number,
  rowHeight: number,
): GroupedUpdates {
  const byConversation = new Map<string, UpdateGroup & { newest: number }>();
  for (const item of items) {
    const { conversationId, conversationSubject, createdAt } = item.event;
    let group = byConversation.get(conversationId);
    if (!group) {
      group = {
        conversationId,
        subject: conversationSubject,
        items: [],
        unread: 0,
        first: 0,
        top: 0,
        newest: createdAt,
      };
      byConversation.set(conversationId, group);
    }
    group.items.push(item);
    if (!item.read) group.unread++;
    if (createdAt > group.newest) group.newest = createdAt;
  }
  const groups = [...byConversation.values()].sort((a, b) => b.newest - a.newest);
  const order: NotificationItem[] = [];
  const groupOf = new Uint32Array(items.length);
  let top = 0;
  groups.forEach((group, index) => {
    group.first = order.length;
    group.top = top;
    for (const item of group.items) {
      groupOf[order.length] = index;
      order.push(item);
    }
    top += headerHeight + group.items.length * rowHeight;
  });
  return { groups, order, groupOf, height: top };
}

/** Index of the last group whose header starts at or above `y` (binary search). */
export function groupAt(groups: readonly UpdateGroup[], y: number): number {
  let low = 0;
  let high = groups.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (groups[middle]!.top <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}
