import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';

async function storeFor(agentId: string, conversationId: string) {
  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(agentId),
    currentAgentId: agentId,
  });
  await store.ready;
  store.openConversation(conversationId);
  await expect.poll(() => store.getSnapshot().conversations[conversationId]?.status).toBe('ready');
  return { backend, store };
}

describe('store.searchAgents (the Add follower search)', () => {
  it('R6: finds agents, the current one included, while the composer is on Public reply', async () => {
    const { store } = await storeFor(demoAgents.sam.id, 'conv-printer');
    expect(store.getSnapshot().composers['conv-printer']?.mode).toBe('public-reply');
    const { suggestions: found } = await store.searchAgents('conv-printer', 'Sam');
    expect(found.map((suggestion) => suggestion.agent.name)).toContain('Sam Rivera');
  });

  it('R5: offers only agents, never end users', async () => {
    const { store } = await storeFor(demoAgents.sam.id, 'conv-refund');
    const { suggestions: found } = await store.searchAgents('conv-refund', 'Jan');
    expect(found.every((suggestion) => suggestion.agent.kind === 'agent')).toBe(true);
    expect(found.map((suggestion) => suggestion.agent.name)).not.toContain('Janet Customer');
  });

  it('R4: refuses when the agent may not add followers (view-only access, collaboration off)', async () => {
    const readonly = await storeFor(demoAgents.sam.id, 'conv-readonly');
    await expect(readonly.store.searchAgents('conv-readonly', 'J')).rejects.toThrow(
      /no-edit-permission/,
    );
    const { backend, store } = await storeFor(demoAgents.sam.id, 'conv-refund');
    backend.setSettings({ collaborationEnabled: false });
    await expect(store.searchAgents('conv-refund', 'J')).rejects.toThrow(/collaboration-off/);
  });
});
