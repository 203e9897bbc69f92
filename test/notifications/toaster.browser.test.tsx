import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { demoAgents, eventFor, renderNotifications } from './render';

const toast = () => page.getByRole('listitem');
const liveRegion = () => page.getByRole('status');
/** Move the faked clock, then let React render on real frames (the matchers' retries use faked timers). */
const advance = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
};

/** A toast that appears under a resting pointer is hovered, and rightly pauses (R15). */
const pointerAway = () => page.getByText('Conversation history').hover();

/** A finger on the middle of a toast, moved sideways with real PointerEvents (R15). */
const pressOn = async () => {
  await expect.element(toast()).toBeVisible();
  const element = toast().element() as HTMLElement;
  // The entry animation also moves the toast; let it end before measuring.
  await Promise.all(element.getAnimations().map((animation) => animation.finished));
  const box = element.getBoundingClientRect();
  const at = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const send = (type: string, dx: number) =>
    element.dispatchEvent(
      new PointerEvent(type, {
        bubbles: true,
        pointerId: 1,
        pointerType: 'touch',
        isPrimary: true,
        button: type === 'pointermove' ? -1 : 0,
        buttons: type === 'pointerup' ? 0 : 1,
        clientX: at.x + dx,
        clientY: at.y,
      }),
    );
  send('pointerdown', 0);
  return {
    box,
    /** Moves in small steps to `dx` pixels from where the finger went down. */
    move: (dx: number) => {
      for (let step = 1; step <= 4; step++) send('pointermove', (dx * step) / 4);
    },
    release: (dx: number) => send('pointerup', dx),
  };
};
const left = () => toast().element().getBoundingClientRect().left;

afterEach(() => {
  vi.useRealTimers();
});

describe('Toaster in a browser', () => {
  it('R12: a mention toast says who mentioned you where, with the excerpt and Reply, announced without taking focus', async () => {
    const { backend } = await renderNotifications();
    const input = page.getByRole('textbox', { name: 'Reply draft' });
    await input.click();
    await userEvent.keyboard('Hello');
    backend.emit(eventFor());
    const region = page.getByRole('region', { name: 'Notifications' });
    await expect
      .element(region.getByRole('listitem'))
      .toHaveTextContent('Jane Doe mentioned you in Refund for order #4821');
    await expect.element(toast()).toHaveTextContent('Can you check the refund went through?');
    await expect.element(toast().getByRole('button', { name: 'Reply' })).toBeVisible();
    await expect
      .element(liveRegion())
      .toHaveTextContent('Jane Doe mentioned you in Refund for order #4821');
    expect(document.activeElement).toBe(input.element());
    await userEvent.keyboard(' there');
    expect((input.element() as HTMLInputElement).value).toBe('Hello there');
  });

  it('R12: Reply opens the conversation with its composer in Internal note, dismisses the toast and marks it read', async () => {
    const { backend, store, onOpenConversation } = await renderNotifications();
    const event = eventFor();
    backend.emit(event);
    expect(store.getSnapshot().composers['conv-refund']?.mode ?? 'public-reply').toBe(
      'public-reply',
    );
    await page.getByRole('button', { name: 'Reply' }).click();
    expect(onOpenConversation).toHaveBeenCalledWith('conv-refund', {
      focus: 'composer',
      eventId: event.id,
    });
    expect(store.getSnapshot().composers['conv-refund']?.mode).toBe('internal-note');
    await expect.element(toast()).not.toBeInTheDocument();
    expect(store.getSnapshot().notifications.unreadCount).toBe(0);
  });

  it('R12: a mention toast stays 10 seconds, then goes', async () => {
    const { backend, store } = await renderNotifications();
    await pointerAway();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend.emit(eventFor());
    await expect.element(toast()).toBeVisible();
    await advance(9_900);
    await expect.element(toast()).toBeVisible();
    await advance(200);
    await expect.element(toast()).not.toBeInTheDocument();
    // Gone from the screen, still unread in Messaging updates (R14).
    expect(store.getSnapshot().notifications.unreadCount).toBe(1);
  });

  it('R12: the duration is configurable', async () => {
    const { backend } = await renderNotifications({ toaster: { duration: 3_000 } });
    await pointerAway();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend.emit(eventFor());
    await expect.element(toast()).toBeVisible();
    await advance(3_100);
    await expect.element(toast()).not.toBeInTheDocument();
  });

  it('R13: a burst of updates to one conversation is one toast with See conversation and a count', async () => {
    const { backend, onOpenConversation } = await renderNotifications();
    const updates = [1, 2, 3].map((n) =>
      eventFor({ kind: 'update', actorName: 'Ada Lindqvist', excerpt: `Update ${n}` }),
    );
    for (const update of updates) backend.emit(update);
    await expect.element(toast()).toHaveTextContent('Ada Lindqvist updated Refund for order #4821');
    await expect.element(toast()).toHaveTextContent('3 new updates');
    await expect.element(toast()).toHaveTextContent('Update 3');
    expect(toast().elements()).toHaveLength(1);
    await page.getByRole('button', { name: 'See conversation' }).click();
    expect(onOpenConversation).toHaveBeenCalledWith('conv-refund', {
      focus: 'composer',
      eventId: updates[2]!.id,
    });
  });

  it('R15: pauses while hovered and resumes when the pointer leaves', async () => {
    const { backend } = await renderNotifications();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend.emit(eventFor());
    await expect.element(toast()).toBeVisible();
    await toast().hover();
    await advance(20_000);
    await expect.element(toast()).toBeVisible();
    await pointerAway();
    await advance(10_100);
    await expect.element(toast()).not.toBeInTheDocument();
  });

  it('R15: pauses while focused (reached with F8), and Escape dismisses the focused toast', async () => {
    const { backend } = await renderNotifications();
    const input = page.getByRole('textbox', { name: 'Reply draft' });
    await input.click();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend.emit(eventFor());
    await expect.element(toast()).toBeVisible();
    await userEvent.keyboard('{F8}');
    await expect.element(page.getByRole('region', { name: 'Notifications' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(page.getByRole('button', { name: 'Reply' })).toHaveFocus();
    await advance(30_000);
    await expect.element(toast()).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await expect.element(toast()).not.toBeInTheDocument();
    // Focus goes back where the agent was, never to <body>.
    await expect.element(input).toHaveFocus();
  });

  it('R12: an offline agent gets the mention toast too', async () => {
    const { backend } = await renderNotifications({ agentId: demoAgents.jane.id });
    expect(demoAgents.jane.status).toBe('offline');
    backend.emit(
      eventFor({
        recipientId: demoAgents.jane.id,
        actorId: demoAgents.sam.id,
        actorName: 'Sam Rivera',
      }),
    );
    await expect
      .element(toast())
      .toHaveTextContent('Sam Rivera mentioned you in Refund for order #4821');
  });

  it('R15: pauses while the window is in the background', async () => {
    const { backend } = await renderNotifications();
    await pointerAway();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend.emit(eventFor());
    await expect.element(toast()).toBeVisible();
    window.dispatchEvent(new FocusEvent('blur'));
    await advance(30_000);
    await expect.element(toast()).toBeVisible();
    window.dispatchEvent(new FocusEvent('focus'));
    await advance(10_100);
    await expect.element(toast()).not.toBeInTheDocument();
  });

  it('R15: the dismiss button removes a toast', async () => {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    await page.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect.element(toast()).not.toBeInTheDocument();
  });

  it('R15: a toast follows a swipe towards the inline end and is dismissed past the threshold', async () => {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    const finger = await pressOn();
    finger.move(40);
    await expect.element(toast()).toHaveAttribute('data-swipe', 'move');
    await expect.poll(left).toBeCloseTo(finger.box.left + 40, 0);
    finger.move(80);
    finger.release(80);
    await expect.element(toast()).not.toBeInTheDocument();
  });

  it('R15: a short swipe snaps the toast back and keeps it', async () => {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    const finger = await pressOn();
    finger.move(25);
    finger.release(25);
    await expect.element(toast()).toHaveAttribute('data-swipe', 'cancel');
    await expect.poll(left).toBeCloseTo(finger.box.left, 0);
    await expect.element(toast()).toBeVisible();
  });

  it('R15: a swipe towards the inline start does not move or dismiss the toast', async () => {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    const finger = await pressOn();
    finger.move(-100);
    expect(left()).toBeCloseTo(finger.box.left, 0);
    finger.release(-100);
    await expect.element(toast()).toBeVisible();
  });

  it('R15: in RTL the swipe to dismiss goes towards the inline end, on the left', async () => {
    const { backend } = await renderNotifications({ dir: 'rtl' });
    document.documentElement.dir = 'rtl';
    try {
      backend.emit(eventFor());
      const rightwards = await pressOn();
      rightwards.move(100);
      rightwards.release(100);
      await expect.element(toast()).toHaveAttribute('data-swipe', 'cancel');
      await expect.element(toast()).toBeVisible();
      const leftwards = await pressOn();
      leftwards.move(-40);
      await expect.poll(left).toBeCloseTo(leftwards.box.left - 40, 0);
      leftwards.move(-80);
      leftwards.release(-80);
      await expect.element(toast()).not.toBeInTheDocument();
    } finally {
      document.documentElement.dir = '';
    }
  });

  it('R15: a toast held by a swipe does not expire until it is let go', async () => {
    const { backend } = await renderNotifications();
    await pointerAway();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    backend.emit(eventFor());
    const finger = await pressOn();
    finger.move(30);
    await expect.element(toast()).toHaveAttribute('data-swipe', 'move');
    await advance(30_000);
    await expect.element(toast()).toBeVisible();
    finger.release(20);
    await expect.element(toast()).toHaveAttribute('data-swipe', 'cancel');
    await advance(10_100);
    await expect.element(toast()).not.toBeInTheDocument();
  });

  it('R15: a press without a sideways move is not a swipe, so buttons stay clickable', async () => {
    const { backend, onOpenConversation } = await renderNotifications();
    backend.emit(eventFor());
    const finger = await pressOn();
    finger.move(4);
    finger.release(4);
    expect(toast().element().hasAttribute('data-swipe')).toBe(false);
    await page.getByRole('button', { name: 'Reply' }).click();
    expect(onOpenConversation).toHaveBeenCalledTimes(1);
  });

  it('R15: stacks at most three toasts and counts the rest', async () => {
    const { backend } = await renderNotifications();
    for (const n of [1, 2, 3, 4, 5]) backend.emit(eventFor({ conversationSubject: `Case ${n}` }));
    await expect.element(page.getByText('+2 more')).toBeVisible();
    expect(toast().elements()).toHaveLength(3);
    await expect.element(toast().first()).toHaveTextContent('Case 5');
  });

  it('R12: in RTL the default upper-right corner mirrors to the inline end', async () => {
    const { backend } = await renderNotifications({ dir: 'rtl' });
    document.documentElement.dir = 'rtl';
    try {
      backend.emit(eventFor());
      await expect.element(toast()).toBeVisible();
      const box = toast().element().getBoundingClientRect();
      expect(box.left).toBeLessThan(window.innerWidth / 2);
    } finally {
      document.documentElement.dir = '';
    }
  });

  it('R12: upper-right by default in LTR', async () => {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    await expect.element(toast()).toBeVisible();
    const box = toast().element().getBoundingClientRect();
    expect(box.right).toBeGreaterThan(window.innerWidth / 2);
    expect(box.top).toBeLessThan(window.innerHeight / 2);
  });

  it('has no axe violations with stacked mention and update toasts', async () => {
    const { backend } = await renderNotifications();
    backend.emit(eventFor());
    backend.emit(eventFor({ kind: 'update' }));
    await expect.element(toast().nth(1)).toBeVisible();
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    const region = page.getByRole('region', { name: 'Notifications' }).element();
    const results = await axe.run(region);
    expect(results.violations).toEqual([]);
  });
});
