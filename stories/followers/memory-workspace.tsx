import { type AsideStore, createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, type MemoryBackend } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import { type ReactNode, useEffect, useState } from 'react';

/** A store over the in-memory backend for one story; `prepare` shapes the backend first. */
export function MemoryWorkspace({
  agentId = demoAgents.sam.id,
  prepare,
  children,
}: {
  agentId?: string;
  prepare?: (backend: MemoryBackend) => void;
  children: ReactNode;
}) {
  const [store] = useState<AsideStore>(() => {
    const backend = createMemoryBackend();
    prepare?.(backend);
    return createAsideStore({ adapters: backend.adaptersFor(agentId), currentAgentId: agentId });
  });
  useEffect(() => () => store.destroy(), [store]);
  return <AsideProvider store={store}>{children}</AsideProvider>;
}
