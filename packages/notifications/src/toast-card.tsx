import type { Toast } from '@aside/core';
import { type ComponentType, type KeyboardEvent, useId } from 'react';
import type { NotificationsLabels } from './labels';
import type { ToastBodyProps } from './slots';
import { useToastSwipe } from './use-toast-swipe';
import { useToastTimer } from './use-toast-timer';

interface ToastCardProps {
  readonly toast: Toast;
  readonly labels: NotificationsLabels;
  readonly Body: ComponentType<ToastBodyProps>;
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
export function ToastCard({ toast, labels, Body, duration, paused, ...handlers }: ToastCardProps) {
  const id = useId();
  const { event, kind } = toast;
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
        <Body toast={toast} labels={labels} />
      </div>
      <div className="aside-toast__actions">
        <button
          type="button"
          className="aside-button aside-toast__action"
          onClick={handlers.onAction}
        >
          {kind === 'mention' ? labels.reply : labels.seeConversation}
        </button>
      </div>
      <button
        type="button"
        className="aside-button aside-toast__dismiss"
        aria-label={labels.dismiss}
        onClick={handlers.onDismiss}
      >
        <svg className="aside-close-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </li>
  );
}
