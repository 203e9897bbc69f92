import { type PointerEvent, useRef, useState } from 'react';

/** Let go this far towards the inline end and the toast is dismissed. */
const SWIPE_THRESHOLD_PX = 60;
/** A press moves this far before it is a swipe, so a click on Reply stays a click. */
const SWIPE_SLOP_PX = 10;
/** A quick flick dismisses sooner: at least this far, at least this fast. */
const FLICK_MIN_PX = 30;
const FLICK_PX_PER_MS = 1;

export type ToastSwipe = 'move' | 'cancel' | 'end';

interface Press {
  readonly pointerId: number;
  readonly x: number;
  readonly y: number;
  readonly time: number;
  /** +1 when the inline end is on the right (LTR), −1 in RTL. */
  readonly towardsEnd: 1 | -1;
  swiping: boolean;
}

/**
 * Swipe a toast towards the inline end to dismiss it (R15), like Radix: state in
 * `data-swipe`, the offset in `--aside-swipe-x`, so styling needs no JavaScript.
 */
export function useToastSwipe(onDismiss: () => void) {
  const [swipe, setSwipe] = useState<ToastSwipe | null>(null);
  const press = useRef<Press | null>(null);

  const offset = (element: HTMLElement, px: number) =>
    element.style.setProperty('--aside-swipe-x', `${px}px`);

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!event.isPrimary || event.button !== 0) return;
    press.current = {
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      time: event.timeStamp,
      towardsEnd: getComputedStyle(event.currentTarget).direction === 'rtl' ? -1 : 1,
      swiping: false,
    };
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const current = press.current;
    if (!current || current.pointerId !== event.pointerId) return;
    const dx = event.clientX - current.x;
    const dy = event.clientY - current.y;
    if (!current.swiping) {
      // A mostly vertical move is a scroll or a text selection, not a swipe.
      if (Math.abs(dy) > SWIPE_SLOP_PX && Math.abs(dy) > Math.abs(dx)) press.current = null;
      if (Math.abs(dx) < SWIPE_SLOP_PX || !press.current) return;
      current.swiping = true;
      try {
        event.currentTarget.setPointerCapture(event.pointerId);
      } catch {
        // The pointer is already gone; the move still counts.
      }
      setSwipe('move');
    }
    // Follows the finger towards the inline end only.
    offset(event.currentTarget, Math.max(0, dx * current.towardsEnd) * current.towardsEnd);
  };

  const onPointerUp = (event: PointerEvent<HTMLElement>) => {
    const current = press.current;
    if (!current || current.pointerId !== event.pointerId) return;
    press.current = null;
    if (!current.swiping) return;
    const distance = (event.clientX - current.x) * current.towardsEnd;
    const speed = distance / Math.max(1, event.timeStamp - current.time);
    if (distance >= SWIPE_THRESHOLD_PX || (distance >= FLICK_MIN_PX && speed >= FLICK_PX_PER_MS)) {
      setSwipe('end');
      onDismiss();
    } else {
      offset(event.currentTarget, 0);
      setSwipe('cancel');
    }
  };

  const onPointerCancel = (event: PointerEvent<HTMLElement>) => {
    if (press.current?.swiping) {
      offset(event.currentTarget, 0);
      setSwipe('cancel');
    }
    press.current = null;
  };

  return {
    swipe,
    swipeHandlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel },
  };
}
