import type { NotificationEvent } from '../types';
import type { NotificationsState, Toast } from './state';

/** The Messaging updates list keeps this many items; older ones fall off. */
export const MAX_NOTIFICATION_ITEMS = 10_000;
/** Toasts kept in state; the Toaster decides how many it shows. */
export const MAX_TOASTS = 20;

/** R12–R14: add a batch of new events (already de-duplicated) to the list and the toasts. */
export function receiveNotifications(
  state: NotificationsState,
  events: readonly NotificationEvent[],
): NotificationsState {
  if (events.length === 0) return state;
  const newestFirst = [...events].sort((a, b) => b.createdAt - a.createdAt);
  const items = [...newestFirst.map((event) => ({ event, read: false })), ...state.items];
  const dropped = items.splice(MAX_NOTIFICATION_ITEMS);
  const unreadCount =
    state.unreadCount + events.length - dropped.filter((item) => !item.read).length;

  let toasts = state.toasts;
  for (const event of [...newestFirst].reverse()) toasts = addToast(toasts, event);
  return { items, unreadCount, toasts };
}

function addToast(toasts: readonly Toast[], event: NotificationEvent): readonly Toast[] {
  if (event.kind === 'update') {
    const existing = toasts.find(
      (toast) => toast.kind === 'update' && toast.event.conversationId === event.conversationId,
    );
    if (existing) {
      // Coalesce a burst of updates to one conversation into its toast, moved to the top.
      const merged = { ...existing, event, count: existing.count + 1 };
      return [merged, ...toasts.filter((toast) => toast !== existing)];
    }
  }
  return [{ id: event.id, kind: event.kind, event, count: 1 }, ...toasts].slice(0, MAX_TOASTS);
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
