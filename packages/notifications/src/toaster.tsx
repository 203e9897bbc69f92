import type { Toast } from '@aside/core';
import {
  type LabelOverrides,
  useCustomisation,
  useNotifications,
  usePortalTheme,
} from '@aside/react';
import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import {
  defaultNotificationsLabels,
  type NotificationsLabels,
  type OpenConversation,
} from './labels';
import { DefaultToastBody, type NotificationsComponents } from './slots';
import { ToastCard } from './toast-card';

/** R12: a mention toast stays 10 seconds, whatever the agent's status. */
const TOAST_LIFETIME_MS = 10_000;
const VISIBLE_TOASTS = 3;

export type ToasterPlacement = 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';

export interface ToasterProps {
  readonly onOpenConversation: OpenConversation;
  /** Corner of the screen; "right" is the inline end, so it mirrors in RTL. */
  readonly placement?: ToasterPlacement;
  /** Milliseconds a toast stays while not hovered or focused. */
  readonly duration?: number;
  /** Toasts shown at once; the rest are counted. */
  readonly visibleToasts?: number;
  /** Key that moves focus to the toasts (like Radix). */
  readonly hotkey?: string;
  readonly labels?: LabelOverrides<NotificationsLabels>;
  /** Added to the toaster region's class (`aside-toaster`). */
  readonly className?: string;
  /** Render pieces to swap: `ToastBody` draws a toast's body under its title. */
  readonly components?: Pick<NotificationsComponents, 'ToastBody'>;
}

/** R12–R15: the current agent's toasts in a labelled region, announced politely, never taking focus. */
export function Toaster({
  onOpenConversation,
  placement = 'top-right',
  duration = TOAST_LIFETIME_MS,
  visibleToasts = VISIBLE_TOASTS,
  hotkey = 'F8',
  labels: overrides,
  className,
  components,
}: ToasterProps) {
  const [labels, locale] = useCustomisation('notifications', defaultNotificationsLabels, overrides);
  // Portalled to <body>: the theme, tokens and direction come from where the Toaster is rendered.
  const anchor = useRef<HTMLSpanElement>(null);
  const { toasts, dismissToast, markRead, prepareReply } = useNotifications();
  // Read as toasts appear (and on a theme or dir change), not on every render: a burst of
  // notifications renders the Toaster, and each read forces a style recalculation.
  const theme = usePortalTheme(() => anchor.current, { deps: [toasts.length > 0] });
  const [mounted, setMounted] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [windowBlurred, setWindowBlurred] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const region = useRef<HTMLElement>(null);
  const focusBefore = useRef<HTMLElement | null>(null);

  useEffect(() => {
    setMounted(true);
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key === hotkey) region.current?.focus();
    };
    const onBlur = () => setWindowBlurred(true);
    const onFocus = () => setWindowBlurred(false);
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
    };
  }, [hotkey]);

  // Announced from a live region that already exists, so screen readers hear it (R15).
  const newest = toasts[0];
  const newestText = newest ? announce(newest, labels) : '';
  useEffect(() => {
    if (mounted && newestText) setAnnouncement(newestText);
  }, [mounted, newestText]);

  const anchorElement = <span ref={anchor} hidden />;
  if (!mounted) return anchorElement;

  const shown = toasts.slice(0, visibleToasts);
  const hidden = toasts.length - shown.length;
  const paused = hovered || focused || windowBlurred;

  const dismiss = (toast: Toast) => {
    const hadFocus = region.current?.contains(document.activeElement);
    dismissToast(toast.id);
    // Focus never lands on <body> when its toast goes away.
    if (!hadFocus) return;
    if (toasts.length > 1) region.current?.focus();
    else focusBefore.current?.focus();
  };
  const open = (toast: Toast) => {
    dismiss(toast);
    markRead(
      toast.kind === 'mention'
        ? { eventIds: [toast.event.id] }
        : { conversationId: toast.event.conversationId },
    );
    prepareReply(toast.event.conversationId);
    onOpenConversation(toast.event.conversationId, { focus: 'composer', eventId: toast.event.id });
  };
  const onToastKeyDown = (event: KeyboardEvent, toast: Toast) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    dismiss(toast);
  };
  // Tab past the last control, Shift+Tab before the first, or Escape on the region itself:
  // the agent is leaving the toasts, so focus goes back where it was before F8, never to <body>.
  const onRegionKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const element = region.current;
    if (!element || event.defaultPrevented) return;
    const active = document.activeElement;
    let leaving = event.key === 'Escape' && active === element;
    if (event.key === 'Tab') {
      const controls = [...element.querySelectorAll<HTMLElement>('button:not([disabled])')];
      leaving = event.shiftKey
        ? active === element || active === controls[0]
        : active === controls[controls.length - 1] || controls.length === 0;
    }
    if (!leaving) return;
    event.preventDefault();
    const before = focusBefore.current;
    if (before?.isConnected) before.focus();
    else element.focus();
  };
  const onFocus = (event: FocusEvent) => {
    if (!region.current?.contains(event.relatedTarget as Node | null))
      focusBefore.current = event.relatedTarget as HTMLElement | null;
    setFocused(true);
  };
  const onBlur = (event: FocusEvent) => {
    if (!region.current?.contains(event.relatedTarget as Node | null)) setFocused(false);
  };

  const portal = createPortal(
    <>
      <section
        {...theme}
        ref={region}
        className={className ? `aside-toaster ${className}` : 'aside-toaster'}
        lang={locale}
        data-placement={placement}
        data-paused={paused || undefined}
        aria-label={labels.region}
        tabIndex={-1}
        onPointerEnter={() => setHovered(true)}
        onPointerLeave={() => setHovered(false)}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onRegionKeyDown}
      >
        {shown.length > 0 && (
          <ol className="aside-toaster__list">
            {shown.map((toast) => (
              <ToastCard
                key={toast.id}
                toast={toast}
                labels={labels}
                Body={components?.ToastBody ?? DefaultToastBody}
                duration={duration}
                paused={paused}
                onAction={() => open(toast)}
                onDismiss={() => dismiss(toast)}
                onKeyDown={(event) => onToastKeyDown(event, toast)}
              />
            ))}
          </ol>
        )}
        {hidden > 0 && <p className="aside-toaster__more">{labels.moreToasts(hidden)}</p>}
      </section>
      <div className="aside-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>,
    document.body,
  );
  return (
    <>
      {anchorElement}
      {portal}
    </>
  );
}

function announce(toast: Toast, labels: NotificationsLabels): string {
  const { event, count } = toast;
  const title =
    toast.kind === 'mention'
      ? labels.mentioned(event.actorName, event.conversationSubject)
      : labels.updated(event.actorName, event.conversationSubject);
  return [title, count > 1 ? labels.newUpdates(count) : '', event.excerpt]
    .filter(Boolean)
    .join('. ');
}
