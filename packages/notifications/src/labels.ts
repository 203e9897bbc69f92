import type { LabelOverrides, TextLabels } from '@aside/react';

declare module '@aside/react' {
  interface AsideLabels {
    /** The labels of every `Toaster` and `MessagingUpdates` below the provider. */
    readonly notifications?: LabelOverrides<NotificationsLabels>;
  }
}

/** The toasts' plain strings: their region's name and their buttons. */
type ToastText = 'region' | 'reply' | 'seeConversation' | 'dismiss';
/** The Messaging updates list's plain strings. */
type UpdatesText = 'updatesHeading' | 'markAllRead' | 'noUpdates' | 'unread';

/** Every visible string of the toasts and the Messaging updates list, with English defaults. */
export interface NotificationsLabels extends TextLabels<ToastText | UpdatesText> {
  readonly mentioned: (actorName: string, subject: string) => string;
  readonly mentionedYou: (actorName: string) => string;
  readonly updated: (actorName: string, subject: string) => string;
  readonly newUpdates: (count: number) => string;
  readonly moreToasts: (hidden: number) => string;
  readonly unreadCount: (count: number) => string;
  /** A conversation's Mark read; its accessible name adds the subject. */
  readonly markRead: string;
  readonly replyTo: (subject: string) => string;
  /** When an update happened; `locale` is the provider's (undefined: the browser's). */
  readonly time: (createdAt: number, locale?: string) => string;
}

/**
 * One time formatter per locale, made once: `toLocaleTimeString` builds a new one on every call
 * (about half a millisecond each), which dominated rendering a burst in the updates list.
 */
const timeFormats = new Map<string | undefined, Intl.DateTimeFormat>();

export const defaultNotificationsLabels: NotificationsLabels = {
  region: 'Notifications',
  mentioned: (actor, subject) => `${actor} mentioned you in ${subject}`,
  mentionedYou: (actor) => `${actor} mentioned you`,
  updated: (actor, subject) => `${actor} updated ${subject}`,
  newUpdates: (count) => `${count} new updates`,
  reply: 'Reply',
  seeConversation: 'See conversation',
  dismiss: 'Dismiss notification',
  moreToasts: (hidden) => `+${hidden} more`,
  updatesHeading: 'Messaging updates',
  unreadCount: (count) => `${count} unread`,
  markAllRead: 'Mark all read',
  markRead: 'Mark read',
  noUpdates: 'No updates yet',
  unread: 'Unread',
  replyTo: (subject) => `Reply in ${subject}`,
  time: (createdAt, locale) => {
    const format =
      timeFormats.get(locale) ??
      new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    timeFormats.set(locale, format);
    return format.format(createdAt);
  },
};

/** How a host opens a conversation: in its composer, at the event that was chosen (R12–R14). */
export type OpenConversation = (
  conversationId: string,
  options: { readonly focus: 'composer'; readonly eventId: string },
) => void;
