import type { NotificationEvent } from '../types';
import type { NotificationItem, NotificationsState, Toast } from './state';

/** The Messaging updates list keeps this many items; older ones fall off. */
export const MAX_NOTIFICATION_ITEMS = 10_000;
/** Toasts kept in state; the Toaster decides how many it shows. */
export const MAX_TOASTS = 20;

/**
 * R12–R14: add a batch of new events (already de-duplicated) to the list and the toasts, newest
 * first (a later arrival counts as newer at the same `createdAt`), so events arriving in time
 * order leave the same state as adding them one at a time. One pass over the list per batch.
 */
export function receiveNotifications(
  state: NotificationsState,
  events: readonly NotificationEvent[],
): NotificationsState {
  if (events.length === 0) return state;
  // A stable sort of the reversed batch keeps later arrivals first among equal times.
  const newestFirst = [...events].reverse().sort((a, b) => b.createdAt - a.createdAt);
  const added =
    newestFirst.length > MAX_NOTIFICATION_ITEMS
      ? newestFirst.slice(0, MAX_NOTIFICATION_ITEMS)
      : newestFirst;
  const kept = Math.min(state.items.length, MAX_NOTIFICATION_ITEMS - added.length);
  const items: NotificationItem[] = added.map((event) => ({ event, read: false }));
  for (let index = 0; index < kept; index++) items.push(state.items[index]!);
  let unreadCount = state.unreadCount + added.length;
  for (let index = kept; index < state.items.length; index++)
    if (!state.items[index]!.read) unreadCount--;
  return { items, unreadCount, toasts: addToasts(state.toasts, newestFirst) };
}

/**
 * The toasts after adding each of `newestFirst`, oldest first: an update joins its conversation's
 * update toast, which moves to the top (R13); any other event gets a toast of its own on top
 * (R12), and the least recently touched toast beyond MAX_TOASTS falls off.
 */
function addToasts(toasts: readonly Toast[], newestFirst: readonly NotificationEvent[]) {
  // Least recently touched first: moving a toast to the top is a delete and a set.
  const byId = new Map<string, Toast>();
  const updateOf = new Map<string, string>();
  for (let index = toasts.length - 1; index >= 0; index--) {
    const toast = toasts[index]!;
    byId.set(toast.id, toast);
    if (toast.kind === 'update') updateOf.set(toast.event.conversationId, toast.id);
  }
  for (let index = newestFirst.length - 1; index >= 0; index--) {
    const event = newestFirst[index]!;
    const existingId = event.kind === 'update' ? updateOf.get(event.conversationId) : undefined;
    const existing = existingId === undefined ? undefined : byId.get(existingId);
    if (existing) {
      byId.delete(existing.id);
      byId.set(existing.id, { ...existing, event, count: existing.count + 1 });
      continue;
    }
    byId.set(event.id, { id: event.id, kind: event.kind, event, count: 1 });
    if (event.kind === 'update') updateOf.set(event.conversationId, event.id);
    while (byId.size > MAX_TOASTS) byId.delete(byId.keys().next().value!);
  }
  return [...byId.values()].reverse();
}

export function dismissToast(state: NotificationsState, toastId: string): NotificationsState {
  const toasts = state.toasts.filter((toast) => toast.id !== toastId);
  return toasts.length === state.toasts.length ? state : { ...state, toasts };
}

/** Mark items read: the given event ids, or every item of a conversation. */
export function markRead(
  state: NotificationsState,
  matches: (event: NotificationEvent) => boolean,
): NotificationsState {
  let changed = 0;
  const items = state.items.map((item) => {
    if (item.read || !matches(item.event)) return item;
    changed++;
    return { ...item, read: true };
  });
  return changed === 0 ? state : { ...state, items, unreadCount: state.unreadCount - changed };
}
