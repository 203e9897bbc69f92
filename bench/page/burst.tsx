import { createAsideStore, type NotificationEvent } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { MessagingUpdates, Toaster } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '@aside/notifications/styles.css';
import { waitFor } from './typing';

const event = (n: number): NotificationEvent => ({
  id: `evt-${n}`,
  kind: n % 10 === 0 ? 'mention' : 'update',
  recipientId: demoAgents.jane.id,
  conversationId: `conv-${n % 40}`,
  conversationSubject: `Conversation ${n % 40}`,
  messageId: `msg-${n}`,
  actorId: demoAgents.sam.id,
  actorName: 'Sam Rivera',
  excerpt: `Update number ${n} about the order`,
  createdAt: n,
});

function PlainList({ items }: { items: readonly NotificationEvent[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          <strong>{item.actorName}</strong> {item.conversationSubject}: {item.excerpt}
        </li>
      ))}
    </ul>
  );
}

/**
 * 10,000 updates already listed, then 1,000 more in one tick. Reports the longest main-thread
 * task, and the time to render the list next to a plain list of the same items.
 */
export async function notificationsBurst() {
  const longTasks: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });

  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.jane.id),
    currentAgentId: demoAgents.jane.id,
  });
  for (let n = 1; n <= 10_000; n++) backend.emit(event(n));
  await new Promise((resolve) => setTimeout(resolve, 0));

  const container = document.getElementById('root')!;
  container.style.height = '600px';
  const root = createRoot(container);
  let start = performance.now();
  flushSync(() =>
    root.render(
      <AsideProvider store={store}>
        <Toaster onOpenConversation={() => {}} />
        <MessagingUpdates onOpenConversation={() => {}} />
      </AsideProvider>,
    ),
  );
  const updatesListRenderMs = performance.now() - start;

  const plainHost = document.createElement('div');
  document.body.append(plainHost);
  const plainRoot = createRoot(plainHost);
  const items = store.getSnapshot().notifications.items.map((item) => item.event);
  start = performance.now();
  flushSync(() => plainRoot.render(<PlainList items={items} />));
  const plainListRenderMs = performance.now() - start;
  plainRoot.unmount();
  plainHost.remove();

  await new Promise((resolve) => setTimeout(resolve, 100));
  longTasks.length = 0;
  const burstStart = performance.now();
  for (let n = 10_001; n <= 11_000; n++) backend.emit(event(n));
  await waitFor(() => store.getSnapshot().notifications.items[0]?.event.id === 'evt-11000');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const burstToPaintMs = performance.now() - burstStart;
  await new Promise((resolve) => setTimeout(resolve, 200));
  root.unmount();
  return {
    events: 1_000,
    listedBefore: 10_000,
    burstToPaintMs: round(burstToPaintMs),
    longestTaskMs: round(Math.max(0, ...longTasks)),
    tasksOver50Ms: longTasks.filter((duration) => duration > 50).length,
    updatesListRenderMs: round(updatesListRenderMs),
    plainListRenderMs: round(plainListRenderMs),
    ratioVsPlainList: round(updatesListRenderMs / plainListRenderMs, 3),
  };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
