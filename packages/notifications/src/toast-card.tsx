import type { Toast } from '@aside/core';
import { type KeyboardEvent, useId } from 'react';
import type { NotificationsLabels } from './labels';
import { useToastSwipe } from './use-toast-swipe';
import { useToastTimer } from './use-toast-timer';

interface ToastCardProps {
  readonly toast: Toast;
  readonly labels: NotificationsLabels;
  readonly duration: number;
  readonly paused: boolean;
  readonly onAction: () => void;
  readonly onDismiss: () => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLLIElement>) => void;
}

/**
 * R12 mention toast (Reply) or R13 update toast (See conversation), coalesced with a count;
 * swiped towards the inline end, it is dismissed (R15).
 */
export function ToastCard({ toast, labels, duration, paused, ...handlers }: ToastCardProps) {
  const id = useId();
  const { event, kind, count } = toast;
  const { swipe, swipeHandlers } = useToastSwipe(handlers.onDismiss);
  // A toast held by a finger never expires under it.
  useToastTimer(event.id, duration, paused || swipe === 'move', handlers.onDismiss);
  return (
    <li
      className="aside-toast"
      data-kind={kind}
      data-swipe={swipe ?? undefined}
      {...swipeHandlers}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onKeyDown={handlers.onKeyDown}
    >
      <p id={`${id}-title`} className="aside-toast__title">
        {kind === 'mention'
          ? labels.mentioned(event.actorName, event.conversationSubject)
          : labels.updated(event.actorName, event.conversationSubject)}
      </p>
      <div id={`${id}-body`} className="aside-toast__body">
        {count > 1 && <p className="aside-toast__count">{labels.newUpdates(count)}</p>}
        {event.excerpt && <p className="aside-toast__excerpt">{event.excerpt}</p>}
      </div>
      <div className="aside-toast__actions">
        <button type="button" className="aside-toast__action" onClick={handlers.onAction}>
          {kind === 'mention' ? labels.reply : labels.seeConversation}
        </button>
      </div>
      <button
        type="button"
        className="aside-toast__dismiss"
        aria-label={labels.dismiss}
        onClick={handlers.onDismiss}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </li>
  );
}
