// @vitest-environment node
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { MessagingUpdates, Toaster } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('notifications on the server', () => {
  it('Toaster and MessagingUpdates render on the server without touching window or document', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const backend = createMemoryBackend();
    const store = createAsideStore({
      adapters: backend.adaptersFor(demoAgents.sam.id),
      currentAgentId: demoAgents.sam.id,
    });
    await store.ready;
    const html = renderToString(
      <AsideProvider store={store}>
        <Toaster onOpenConversation={() => {}} />
        <MessagingUpdates onOpenConversation={() => {}} />
      </AsideProvider>,
    );
    expect(html).toContain('Messaging updates');
    // The toaster portals into document.body only after mounting in a browser.
    expect(html).not.toContain('aside-toaster');
  });
});
