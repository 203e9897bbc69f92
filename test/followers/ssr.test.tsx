// @vitest-environment node
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import { AsideProvider } from '@aside/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('FollowersList on the server', () => {
  it('FollowersList renders on the server without touching window or document', async () => {
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
        <FollowersList conversationId="conv-refund" />
      </AsideProvider>,
    );
    expect(html).toContain('Followers');
  });
});
