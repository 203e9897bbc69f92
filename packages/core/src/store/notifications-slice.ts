import { toAsideError } from '../errors';
import type { NotificationEvent } from '../types';
import { parseNotification } from '../validate';
import type { StoreKernel } from './kernel';
import * as inbox from './notifications';
import type { AsideStore } from './store-api';

/** R12–R14: the current agent's notification stream, the updates list and the toasts. */
export function createNotificationsSlice(kernel: StoreKernel) {
  const { currentAgentId, patch } = kernel;
  const seenEventIds = new Set<string>();
  let pendingEvents: NotificationEvent[] = [];

  const flushEvents = () => {
    const batch = pendingEvents;
    pendingEvents = [];
    if (!kernel.destroyed)
      patch({ notifications: inbox.receiveNotifications(kernel.state().notifications, batch) });
  };

  kernel.cleanups.push(
    kernel.adapters.notifications.subscribe(currentAgentId, (raw) => {
      let event: NotificationEvent;
      try {
        event = parseNotification(raw, 'notifications.subscribe');
      } catch (error) {
        patch({ error: toAsideError(error, 'Invalid notification') });
        return;
      }
      // Routing is by recipient only: status never filters (R12). Replays are dropped by id.
      if (event.recipientId !== currentAgentId || seenEventIds.has(event.id)) return;
      seenEventIds.add(event.id);
      // One state change per tick, however many events arrive in it.
      if (pendingEvents.push(event) === 1) queueMicrotask(flushEvents);
    }),
  );

  const api: Pick<AsideStore, 'dismissToast' | 'markRead'> = {
    dismissToast: (toastId) =>
      patch({ notifications: inbox.dismissToast(kernel.state().notifications, toastId) }),
    markRead({ eventIds, conversationId }) {
      const ids = new Set(eventIds ?? []);
      patch({
        notifications: inbox.markRead(
          kernel.state().notifications,
          (event) => ids.has(event.id) || event.conversationId === conversationId,
        ),
      });
    },
  };
  return api;
}
