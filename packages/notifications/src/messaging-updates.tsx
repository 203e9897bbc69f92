import type { NotificationItem } from '@aside/core';
import { useNotifications } from '@aside/react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  defaultNotificationsLabels,
  type NotificationsLabels,
  type OpenConversation,
} from './labels';
import { useWindow } from './use-window';

/** Must match `--aside-update-row-height` in styles.css: rows are positioned by index. */
const ROW_HEIGHT = 84;

export interface MessagingUpdatesProps {
  readonly onOpenConversation: OpenConversation;
  readonly labels?: Partial<NotificationsLabels>;
  readonly className?: string;
}

/** R14: every update to followed conversations, newest first; choosing one opens it to reply. */
export function MessagingUpdates({
  onOpenConversation,
  labels: overrides,
  className,
}: MessagingUpdatesProps) {
  const labels = { ...defaultNotificationsLabels, ...overrides };
  const { items, unreadCount, markRead } = useNotifications();
  const id = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [first, last] = useWindow(viewport, items.length, ROW_HEIGHT);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusIndex = useRef<number | null>(null);

  const found = items.findIndex((item) => item.event.id === activeId);
  const active = found === -1 ? 0 : found;

  useEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    const button = viewport.current?.querySelector<HTMLElement>(
      `[data-index="${index}"] .aside-update__open`,
    );
    if (button) {
      focusIndex.current = null;
      button.focus();
    }
  });

  const open = (item: NotificationItem) => {
    setActiveId(item.event.id);
    if (!item.read) markRead({ eventIds: [item.event.id] });
    onOpenConversation(item.event.conversationId, { focus: 'composer', eventId: item.event.id });
  };

  const moveTo = (index: number) => {
    const target = items[Math.max(0, Math.min(items.length - 1, index))];
    const element = viewport.current;
    if (!target || !element) return;
    const to = items.indexOf(target);
    // Scroll the row into the window first; the effect focuses it once it is drawn.
    const top = to * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    focusIndex.current = to;
    setActiveId(target.event.id);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const page = Math.max(1, Math.floor((viewport.current?.clientHeight ?? 0) / ROW_HEIGHT));
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: items.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const rows: number[] = [];
  for (let index = first; index <= last; index++) rows.push(index);
  // The row in the tab order stays drawn even when scrolled away, so focus is never lost.
  if (items.length > 0 && (active < first || active > last)) rows.push(active);

  const headingId = `${id}-heading`;
  return (
    <section
      className={className ? `aside-updates ${className}` : 'aside-updates'}
      aria-labelledby={headingId}
    >
      <header className="aside-updates__header">
        <h2 id={headingId} className="aside-updates__heading">
          {labels.updatesHeading}
        </h2>
        {unreadCount > 0 && (
          <span className="aside-updates__unread-count">{labels.unreadCount(unreadCount)}</span>
        )}
        <button
          type="button"
          className="aside-updates__mark-all"
          disabled={unreadCount === 0}
          onClick={() =>
            markRead({ eventIds: items.filter((item) => !item.read).map((item) => item.event.id) })
          }
        >
          {labels.markAllRead}
        </button>
      </header>
      {items.length === 0 ? (
        <p className="aside-updates__empty">{labels.noUpdates}</p>
      ) : (
        <div ref={viewport} className="aside-updates__viewport">
          <ul className="aside-updates__list" style={{ blockSize: items.length * ROW_HEIGHT }}>
            {rows.map((index) => {
              const item = items[index]!;
              const { event } = item;
              const tabIndex = index === active ? 0 : -1;
              return (
                <li
                  key={event.id}
                  className="aside-update"
                  data-index={index}
                  data-unread={!item.read || undefined}
                  aria-setsize={items.length}
                  aria-posinset={index + 1}
                  style={{ insetBlockStart: index * ROW_HEIGHT }}
                >
                  <button
                    type="button"
                    className="aside-update__open"
                    tabIndex={tabIndex}
                    onClick={() => open(item)}
                    onFocus={() => setActiveId(event.id)}
                    onKeyDown={(keyEvent) => onKeyDown(keyEvent, index)}
                  >
                    <span className="aside-update__subject">
                      {!item.read && (
                        <span className="aside-visually-hidden">{labels.unread} </span>
                      )}
                      {event.conversationSubject}
                    </span>
                    <span className="aside-update__meta">
                      {event.kind === 'mention'
                        ? labels.mentionedYou(event.actorName)
                        : event.actorName}
                      {' · '}
                      <time dateTime={new Date(event.createdAt).toISOString()}>
                        {labels.time(event.createdAt)}
                      </time>
                    </span>
                    <span className="aside-update__excerpt">{event.excerpt}</span>
                  </button>
                  <button
                    type="button"
                    className="aside-update__reply"
                    tabIndex={tabIndex}
                    aria-label={labels.replyTo(event.conversationSubject)}
                    onClick={() => open(item)}
                  >
                    {labels.reply}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
