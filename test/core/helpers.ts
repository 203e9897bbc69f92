import { type Agent, type AsideStore, createAsideStore, type RichTextNode } from '@aside/core';
import {
  createMemoryBackend,
  demoAgents,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '@aside/core/memory';

export { demoAgents };

/** Let queued microtasks and zero-latency adapter calls settle. */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

export async function setup(
  options: MemoryBackendOptions & { agentId?: string; conversationId?: string } = {},
): Promise<{ backend: MemoryBackend; store: AsideStore; conversationId: string }> {
  const backend = createMemoryBackend(options);
  const store = createAsideStore({
    adapters: backend.adaptersFor(options.agentId ?? demoAgents.sam.id),
    currentAgentId: options.agentId ?? demoAgents.sam.id,
  });
  await store.ready;
  const conversationId = options.conversationId ?? 'conv-refund';
  store.openConversation(conversationId);
  await settle();
  return { backend, store, conversationId };
}

/** An online agent of the directory, by id and name (for search and ranking fixtures). */
export const agent = (id: string, name: string): Agent => ({
  kind: 'agent',
  id,
  name,
  role: 'agent',
  status: 'online',
});

export const text = (value: string): RichTextNode => ({ type: 'text', text: value });
export const mention = (id: string, label = id): RichTextNode => ({
  type: 'mention',
  attrs: { id, label },
});
export const doc = (...inline: RichTextNode[]): RichTextNode => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: inline }],
});
