// @vitest-environment node
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { Composer } from '../../packages/composer/src';

it('renders on the server without touching window or document', () => {
  expect(typeof window).toBe('undefined');
  expect(typeof document).toBe('undefined');
  const backend = createMemoryBackend();
  const html = renderToString(
    <AsideProvider
      adapters={backend.adaptersFor(demoAgents.sam.id)}
      currentAgentId={demoAgents.sam.id}
    >
      <Composer conversationId="conv-refund" />
    </AsideProvider>,
  );
  expect(html).toContain('role="tablist"');
  expect(html).toContain('Public reply');
  expect(html).toContain('Internal note');
  expect(html).toContain('Send reply');
});
