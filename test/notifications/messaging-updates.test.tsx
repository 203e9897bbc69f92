import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { MessagingUpdates } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { eventFor } from './events';

async function renderUpdates(labels = {}) {
  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  await store.ready;
  render(
    <AsideProvider store={store}>
      <MessagingUpdates onOpenConversation={() => {}} labels={labels} />
    </AsideProvider>,
  );
  return { backend, store };
}

describe('MessagingUpdates', () => {
  it('R14: a replayed event (same id, after a reconnect) is listed once', async () => {
    const { backend } = await renderUpdates();
    const event = eventFor();
    backend.emit(event);
    backend.emit(event);
    // Once in the list's count and once in its conversation's.
    expect(await screen.findAllByText('1 unread')).toHaveLength(2);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('R14: every visible string comes from labels', async () => {
    const { backend } = await renderUpdates({
      updatesHeading: 'Mises à jour',
      markAllRead: 'Tout marquer comme lu',
      markRead: 'Marquer comme lu',
      reply: 'Répondre',
      replyTo: (subject: string) => `Répondre dans ${subject}`,
      unreadCount: (count: number) => `${count} non lues`,
    });
    backend.emit(eventFor());
    expect(await screen.findAllByText('1 non lues')).toHaveLength(2);
    expect(
      screen.getByRole('button', { name: 'Marquer comme lu Refund for order #4821' }),
    ).toHaveTextContent('Marquer comme lu');
    expect(screen.getByRole('region', { name: 'Mises à jour' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tout marquer comme lu' })).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Répondre dans Refund for order #4821' }),
    ).toHaveTextContent('Répondre');
  });
});
