import type { NotificationItem } from '@aside/core';
import type { ComponentType, KeyboardEvent } from 'react';
import type { NotificationsLabels } from './labels';
import type { MessageBodyProps } from './slots';

interface UpdateRowProps {
  readonly item: NotificationItem;
  /** Position in the whole list, for keyboard moves. */
  readonly index: number;
  /** Position and size within the item's conversation, for assistive technology. */
  readonly posInSet: number;
  readonly setSize: number;
  readonly top: number;
  readonly inTabOrder: boolean;
  readonly labels: NotificationsLabels;
  readonly locale: string | undefined;
  readonly Body: ComponentType<MessageBodyProps>;
  readonly onOpen: (item: NotificationItem) => void;
  readonly onFocus: (item: NotificationItem) => void;
  readonly onKeyDown: (event: KeyboardEvent, index: number) => void;
}

/** R14: one update; choosing it (or Reply) opens its conversation to reply. */
export function UpdateRow({
  item,
  index,
  top,
  inTabOrder,
  labels,
  locale,
  Body,
  ...props
}: UpdateRowProps) {
  const { event } = item;
  const tabIndex = inTabOrder ? 0 : -1;
  return (
    <li
      className="aside-update"
      data-index={index}
      data-unread={!item.read || undefined}
      aria-setsize={props.setSize}
      aria-posinset={props.posInSet}
      style={{ insetBlockStart: top }}
    >
      <button
        type="button"
        className="aside-update__open"
        tabIndex={tabIndex}
        onClick={() => props.onOpen(item)}
        onFocus={() => props.onFocus(item)}
        onKeyDown={(keyEvent) => props.onKeyDown(keyEvent, index)}
      >
        <span className="aside-update__subject">
          {!item.read && <span className="aside-visually-hidden">{labels.unread} </span>}
          {event.conversationSubject}
        </span>
        <span className="aside-update__meta">
          {event.kind === 'mention' ? labels.mentionedYou(event.actorName) : event.actorName}
          {' · '}
          <time dateTime={new Date(event.createdAt).toISOString()}>
            {labels.time(event.createdAt, locale)}
          </time>
        </span>
        <span className="aside-update__excerpt">
          <Body event={event} />
        </span>
      </button>
      <button
        type="button"
        className="aside-button aside-update__reply"
        tabIndex={tabIndex}
        aria-label={labels.replyTo(event.conversationSubject)}
        onClick={() => props.onOpen(item)}
      >
        {labels.reply}
      </button>
    </li>
  );
}
