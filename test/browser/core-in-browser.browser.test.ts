import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { expect, it } from 'vitest';

it('R16: the core store runs in a real browser with no framework and no Node globals', async () => {
  // The page really lacks Node's globals, so the store below cannot be leaning on them.
  const globals = globalThis as Record<string, unknown>;
  for (const name of ['Buffer', 'require', 'module', 'global', 'setImmediate', '__dirname']) {
    expect(typeof globals[name], name).toBe('undefined');
  }
  expect((globals.process as { versions?: { node?: string } } | undefined)?.versions?.node).toBe(
    undefined,
  );
  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  await store.ready;
  store.openConversation('conv-refund');
  store.setMode('conv-refund', 'internal-note');
  await expect.poll(() => store.getSnapshot().conversations['conv-refund']?.status).toBe('ready');
  const { suggestions } = await store.searchMentions('conv-refund', 'Jan');
  expect(suggestions.map((result) => result.agent.name)).toContain('Jane Doe');
});
