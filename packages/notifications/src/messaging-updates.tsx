import type { NotificationItem } from '@aside/core';
import {
  type LabelOverrides,
  useCustomisation,
  useListNavigation,
  useNotifications,
} from '@aside/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { groupAt, groupUpdates } from './group-updates';
import {
  defaultNotificationsLabels,
  type NotificationsLabels,
  type OpenConversation,
} from './labels';
import { DefaultMessageBody, type NotificationsComponents } from './slots';
import { UpdateRow } from './update-row';
import { useWindow } from './use-window';

/** Must match `--aside-update-row-height` in styles.css: rows are positioned by index. */
const ROW_HEIGHT = 84;
/** Must match `--aside-update-group-header-height` in styles.css. */
const HEADER_HEIGHT = 40;

export interface MessagingUpdatesProps {
  readonly onOpenConversation: OpenConversation;
  readonly labels?: LabelOverrides<NotificationsLabels>;
  readonly className?: string;
  /** Render pieces to swap: `MessageBody` draws the notified message in each row. */
  readonly components?: Pick<NotificationsComponents, 'MessageBody'>;
}

/**
 * R14: every update to followed conversations, grouped by conversation (the group with the
 * newest update first, newest first inside); choosing one opens it to reply.
 */
export function MessagingUpdates({
  onOpenConversation,
  labels: overrides,
  className,
  components,
}: MessagingUpdatesProps) {
  const [labels, locale] = useCustomisation('notifications', defaultNotificationsLabels, overrides);
  const { items, unreadCount, markRead, prepareReply } = useNotifications();
  const { groups, order, groupOf, height } = useMemo(
    () => groupUpdates(items, HEADER_HEIGHT, ROW_HEIGHT),
    [items],
  );
  const id = useId();
  const viewport = useRef<HTMLDivElement>(null);
  const [windowTop, windowBottom] = useWindow(viewport, order.length > 0);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusIndex = useRef<number | null>(null);

  const found = activeId === null ? -1 : order.findIndex((item) => item.event.id === activeId);
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
    prepareReply(item.event.conversationId);
    onOpenConversation(item.event.conversationId, { focus: 'composer', eventId: item.event.id });
  };

  const rowTop = (index: number) => {
    const group = groups[groupOf[index]!]!;
    return group.top + HEADER_HEIGHT + (index - group.first) * ROW_HEIGHT;
  };

  const moveTo = (index: number) => {
    const to = Math.max(0, Math.min(order.length - 1, index));
    const target = order[to];
    const element = viewport.current;
    if (!target || !element) return;
    // Scroll the row into the window first (below its sticky header); the effect focuses it.
    const top = rowTop(to);
    if (top - HEADER_HEIGHT < element.scrollTop) element.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    focusIndex.current = to;
    setActiveId(target.event.id);
  };

  const onKeyDown = useListNavigation({
    orientation: 'vertical',
    count: order.length,
    pageSize: () => Math.max(1, Math.floor((viewport.current?.clientHeight ?? 0) / ROW_HEIGHT)),
    onMove: moveTo,
  });

  // Only the groups and rows on screen are drawn: a map from group index to item positions.
  const drawn = new Map<number, number[]>();
  if (order.length > 0) {
    for (let g = groupAt(groups, windowTop); g < groups.length; g++) {
      const group = groups[g]!;
      if (group.top >= windowBottom) break;
      const itemsTop = group.top + HEADER_HEIGHT;
      const from = Math.max(0, Math.floor((windowTop - itemsTop) / ROW_HEIGHT));
      const to = Math.min(
        group.items.length - 1,
        Math.ceil((windowBottom - itemsTop) / ROW_HEIGHT),
      );
      const rows: number[] = [];
      for (let row = from; row <= to; row++) rows.push(group.first + row);
      drawn.set(g, rows);
    }
  }
  const activeGroup = order.length > 0 ? groupOf[active]! : -1;
  if (activeGroup !== -1) {
    // The row in the tab order stays drawn even when scrolled away, so focus is never lost.
    const rows = drawn.get(activeGroup) ?? [];
    if (!rows.includes(active)) drawn.set(activeGroup, [...rows, active]);
  }

  const headingId = `${id}-heading`;
  return (
    <section
      className={className ? `aside-updates ${className}` : 'aside-updates'}
      aria-labelledby={headingId}
      lang={locale}
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
          className="aside-button aside-updates__mark-all"
          disabled={unreadCount === 0}
          onClick={() =>
            markRead({ eventIds: items.filter((item) => !item.read).map((item) => item.event.id) })
          }
        >
          {labels.markAllRead}
        </button>
      </header>
      {order.length === 0 ? (
        <p className="aside-updates__empty">{labels.noUpdates}</p>
      ) : (
        <div ref={viewport} className="aside-updates__viewport">
          <div className="aside-updates__canvas" style={{ blockSize: height }}>
            {[...drawn.keys()]
              .sort((a, b) => a - b)
              .map((g) => {
                const group = groups[g]!;
                const subjectId = `${id}-group-${g}`;
                const markId = `${subjectId}-mark`;
                return (
                  <div
                    key={group.conversationId}
                    className="aside-update-group"
                    style={{
                      insetBlockStart: group.top,
                      blockSize: HEADER_HEIGHT + group.items.length * ROW_HEIGHT,
                    }}
                  >
                    <div className="aside-update-group__header">
                      <h3 id={subjectId} className="aside-update-group__subject">
                        {group.subject}
                      </h3>
                      {group.unread > 0 && (
                        <span className="aside-update-group__unread">
                          {labels.unreadCount(group.unread)}
                        </span>
                      )}
                      <button
                        id={markId}
                        type="button"
                        className="aside-button aside-update-group__mark-read"
                        // Shift+Tab from the current row reaches its conversation's Mark read.
                        tabIndex={g === activeGroup ? 0 : -1}
                        disabled={group.unread === 0}
                        aria-labelledby={`${markId} ${subjectId}`}
                        onClick={() => markRead({ conversationId: group.conversationId })}
                      >
                        {labels.markRead}
                      </button>
                    </div>
                    {/* Named by its conversation, so each row is heard with its subject. */}
                    <ul className="aside-updates__list" aria-labelledby={subjectId}>
                      {drawn.get(g)!.map((index) => (
                        <UpdateRow
                          key={order[index]!.event.id}
                          item={order[index]!}
                          index={index}
                          posInSet={index - group.first + 1}
                          setSize={group.items.length}
                          top={(index - group.first) * ROW_HEIGHT}
                          inTabOrder={index === active}
                          labels={labels}
                          locale={locale}
                          Body={components?.MessageBody ?? DefaultMessageBody}
                          onOpen={open}
                          onFocus={(item) => setActiveId(item.event.id)}
                          onKeyDown={onKeyDown}
                        />
                      ))}
                    </ul>
                  </div>
                );
              })}
          </div>
        </div>
      )}
    </section>
  );
}
