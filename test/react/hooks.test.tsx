import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import {
  AsideProvider,
  useComposerState,
  useConversation,
  useFollowers,
  useNotifications,
} from '@aside/react';
import { act, render, screen } from '@testing-library/react';
import { Profiler, type ReactNode, version } from 'react';
import { describe, expect, it } from 'vitest';
import { doc, settle, text } from '../core/helpers';

async function mountWith(ui: ReactNode) {
  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  const view = render(<AsideProvider store={store}>{ui}</AsideProvider>);
  await act(() => settle());
  return { backend, store, view };
}

type Counts = Record<string, number>;

function Counted({ id, counts, children }: { id: string; counts: Counts; children: ReactNode }) {
  const count = () => {
    counts[id] = (counts[id] ?? 0) + 1;
  };
  return (
    <Profiler id={id} onRender={count}>
      {children}
    </Profiler>
  );
}

function FollowerNames({ conversationId }: { conversationId: string }) {
  const { followers, canRemove } = useFollowers(conversationId);
  return (
    <ul aria-label="followers" data-can-remove={canRemove}>
      {followers.map((f) => (
        <li key={f.id}>{f.person?.name ?? f.id}</li>
      ))}
    </ul>
  );
}

function Subject({ conversationId }: { conversationId: string }) {
  return <h1>{useConversation(conversationId)?.conversation?.subject ?? 'Loading'}</h1>;
}

function UnreadBadge() {
  return <output aria-label="unread">{useNotifications().unreadCount}</output>;
}

function DraftLength({ conversationId }: { conversationId: string }) {
  const { composer } = useComposerState(conversationId);
  return <output aria-label="draft">{composer?.drafts[composer.mode].text}</output>;
}

describe(`@aside/react on React ${version}`, () => {
  it('R9: useFollowers gives the followers with their names once the directory answers', async () => {
    await mountWith(<FollowerNames conversationId="conv-refund" />);
    expect(screen.getByRole('list', { name: 'followers' })).toHaveTextContent('Ada Lindqvist');
    expect(screen.getByRole('list', { name: 'followers' })).toHaveAttribute(
      'data-can-remove',
      'true',
    );
  });

  it('R16: components outside the composer do not re-render while the agent types', async () => {
    const counts: Counts = {};
    const { store } = await mountWith(
      <>
        <Counted id="followers" counts={counts}>
          <FollowerNames conversationId="conv-refund" />
        </Counted>
        <Counted id="subject" counts={counts}>
          <Subject conversationId="conv-refund" />
        </Counted>
        <Counted id="badge" counts={counts}>
          <UnreadBadge />
        </Counted>
        <Counted id="draft" counts={counts}>
          <DraftLength conversationId="conv-refund" />
        </Counted>
      </>,
    );
    const before = { ...counts };
    for (const typed of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      act(() => store.setDraft('conv-refund', 'public-reply', doc(text(typed))));
    }
    expect(screen.getByRole('status', { name: 'draft' })).toHaveTextContent('Hello');
    expect(counts.followers).toBe(before.followers);
    expect(counts.subject).toBe(before.subject);
    expect(counts.badge).toBe(before.badge);
    expect((counts.draft ?? 0) - (before.draft ?? 0)).toBe(5);
  });

  it('R11: removing one follower re-renders the list once per state change, not the unrelated parts', async () => {
    const counts: Counts = {};
    const { store, backend } = await mountWith(
      <>
        <Counted id="followers" counts={counts}>
          <FollowerNames conversationId="conv-refund" />
        </Counted>
        <Counted id="badge" counts={counts}>
          <UnreadBadge />
        </Counted>
      </>,
    );
    const before = { ...counts };
    backend.setLatency('removeFollower', 5);
    await act(async () => {
      await store.removeFollower('conv-refund', demoAgents.ada.id);
      await settle();
    });
    expect(screen.getByRole('list', { name: 'followers' })).not.toHaveTextContent('Ada');
    expect(counts.badge).toBe(before.badge);
    // Optimistic removal, then the backend's confirmation.
    expect((counts.followers ?? 0) - (before.followers ?? 0)).toBeLessThanOrEqual(2);
  });

  it('throws a clear error when a hook is used outside the provider', () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => render(<UnreadBadge />)).toThrow(/inside <AsideProvider>/);
    } finally {
      console.error = quiet;
    }
  });

  it('a provider given adapters owns its store and destroys it on unmount: its subscriptions end', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(demoAgents.sam.id);
    // Counts live subscriptions to the host's backend: what a destroyed store must let go of.
    let live = 0;
    const counted =
      <A extends unknown[]>(subscribe: (...args: A) => () => void) =>
      (...args: A) => {
        live++;
        const unsubscribe = subscribe(...args);
        return () => {
          live--;
          unsubscribe();
        };
      };
    const view = render(
      <AsideProvider
        adapters={{
          ...adapters,
          notifications: {
            ...adapters.notifications,
            subscribe: counted(adapters.notifications.subscribe),
          },
          conversations: {
            ...adapters.conversations,
            subscribe: counted(adapters.conversations.subscribe),
          },
        }}
        currentAgentId={demoAgents.sam.id}
      >
        <Subject conversationId="conv-refund" />
      </AsideProvider>,
    );
    await act(() => settle());
    expect(screen.getByRole('heading')).toHaveTextContent('Refund for order #4821');
    expect(live).toBeGreaterThanOrEqual(2);
    view.unmount();
    expect(live).toBe(0);
  });
});
