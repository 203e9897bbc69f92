// @vitest-environment node
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { AsideProvider, useFollowers, useNotifications } from '@aside/react';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';

function Workspace() {
  const { followers, status } = useFollowers('conv-refund');
  const { unreadCount } = useNotifications();
  return (
    <p>
      {status}:{followers.length}:{unreadCount}
    </p>
  );
}

it('renders on the server without touching window or document', () => {
  expect(typeof window).toBe('undefined');
  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  const html = renderToString(
    <AsideProvider store={store}>
      <Workspace />
    </AsideProvider>,
  );
  expect(html).toBe('<p>loading<!-- -->:<!-- -->0<!-- -->:<!-- -->0</p>');
  store.destroy();
});
