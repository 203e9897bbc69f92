import { createAsideStore, type Message } from '@aside/core';
import { createMemoryBackend, demoAgents, demoConversations } from '@aside/core/memory';
import { AsideProvider, useConversation, useOlderMessages } from '@aside/react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { version } from 'react';
import { describe, expect, it } from 'vitest';
import { doc, settle, text } from '../core/helpers';

const ID = 'conv-refund';
const message = (index: number): Message => ({
  id: `m${index}`,
  conversationId: ID,
  authorId: demoAgents.sam.id,
  kind: 'internal-note',
  body: doc(text(`note ${index}`)),
  text: `note ${index}`,
  mentionIds: [],
  createdAt: index,
});

function Messages() {
  const messages = useConversation(ID)?.conversation?.messages ?? [];
  const older = useOlderMessages(ID);
  return (
    <>
      {older.hasOlder ? (
        <button type="button" onClick={() => void older.loadOlder()}>
          Load older
        </button>
      ) : null}
      <ol aria-label="messages">
        {messages.map((m) => (
          <li key={m.id}>{m.text}</li>
        ))}
      </ol>
    </>
  );
}

describe(`useOlderMessages on React ${version}`, () => {
  it('R18: a long conversation shows its newest page; paging back prepends until the first', async () => {
    const conversations = demoConversations.map((c) =>
      c.id === ID ? { ...c, messages: Array.from({ length: 7 }, (_, i) => message(i)) } : c,
    );
    const backend = createMemoryBackend({ conversations });
    const store = createAsideStore({
      adapters: backend.adaptersFor(demoAgents.sam.id),
      currentAgentId: demoAgents.sam.id,
      pageSize: 4,
    });
    render(
      <AsideProvider store={store}>
        <Messages />
      </AsideProvider>,
    );
    await act(() => settle());
    const shown = () => screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(shown()).toEqual(['note 3', 'note 4', 'note 5', 'note 6']);
    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    await act(() => settle());
    expect(shown()).toEqual(['note 0', 'note 1', 'note 2', 'note 3', 'note 4', 'note 5', 'note 6']);
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  });
});
