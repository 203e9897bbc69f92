import { type AsideStore, createAsideStore } from '@aside/core';
import {
  createMemoryBackend,
  demoAgents,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '@aside/core/memory';
import { AsideProvider, type AsideProviderProps } from '@aside/react';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';

export interface MemoryWorkspaceProps {
  /** The signed-in agent (default: Sam Rivera). */
  readonly agentId?: string;
  readonly backendOptions?: MemoryBackendOptions;
  /** Shape the backend and the store before the story renders (latency, failures, mode…). */
  readonly prepare?: (backend: MemoryBackend, store: AsideStore) => void;
  /** Labels and locale for every component, set once on the provider. */
  readonly labels?: AsideProviderProps['labels'];
  readonly locale?: string;
  readonly children: ReactNode;
}

/** A fresh in-memory backend and store per story, behind an `<AsideProvider>`. */
export function MemoryWorkspace({
  agentId = demoAgents.sam.id,
  backendOptions,
  prepare,
  labels,
  locale,
  children,
}: MemoryWorkspaceProps) {
  const [store] = useState<AsideStore>(() => {
    const backend = createMemoryBackend(backendOptions);
    const created = createAsideStore({
      adapters: backend.adaptersFor(agentId),
      currentAgentId: agentId,
    });
    prepare?.(backend, created);
    return created;
  });
  useEffect(() => () => store.destroy(), [store]);
  return (
    <AsideProvider store={store} labels={labels} locale={locale}>
      {children}
    </AsideProvider>
  );
}

/** Storybook decorator form of `MemoryWorkspace`. */
export const withMemoryWorkspace =
  (options: Omit<MemoryWorkspaceProps, 'children'> = {}) =>
  (Story: () => ReactNode) => (
    <MemoryWorkspace {...options}>
      <Story />
    </MemoryWorkspace>
  );
