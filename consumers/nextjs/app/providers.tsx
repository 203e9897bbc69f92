'use client';

import { createMemoryBackend } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import type { ReactNode } from 'react';

// The client boundary: adapters are functions, so the provider is created on the client side.
const backend = createMemoryBackend();

export function Providers({ children }: { children: ReactNode }) {
  return (
    <AsideProvider adapters={backend.adaptersFor('agent-sam')} currentAgentId="agent-sam">
      {children}
    </AsideProvider>
  );
}
