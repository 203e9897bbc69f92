import type { NotificationEvent, Toast } from '@aside/core';
import type { ComponentType } from 'react';
import type { NotificationsLabels } from './labels';

/** What a `ToastBody` slot draws under a toast's title; the toast, its actions and timer stay Aside's. */
export interface ToastBodyProps {
  readonly toast: Toast;
  readonly labels: NotificationsLabels;
}

/** What a `MessageBody` slot draws in a Messaging updates row: the notified message. */
export interface MessageBodyProps {
  readonly event: NotificationEvent;
}

export interface NotificationsComponents {
  /** The body of a toast (default: the update count and the excerpt). */
  readonly ToastBody?: ComponentType<ToastBodyProps>;
  /**
   * The message in a Messaging updates row (default: the excerpt). `event.body` holds the stored
   * rich text when the backend sends it: render it with `RichTextView` from
   * `@aside/composer/rich-text` (`links={false}`: the row is a button).
   */
  readonly MessageBody?: ComponentType<MessageBodyProps>;
}

export function DefaultToastBody({ toast, labels }: ToastBodyProps) {
  return (
    <>
      {toast.count > 1 && <p className="aside-toast__count">{labels.newUpdates(toast.count)}</p>}
      {toast.event.excerpt && <p className="aside-toast__excerpt">{toast.event.excerpt}</p>}
    </>
  );
}

export const DefaultMessageBody = ({ event }: MessageBodyProps) => event.excerpt;
