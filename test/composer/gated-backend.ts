import type { AsideAdapters } from '@aside/core';
import type { MemoryBackend } from '@aside/core/memory';

/** A promise the test settles by hand, so a test waits on an event instead of a delay. */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

export interface Gates {
  /** How many directory searches the composer started. */
  readonly searches: number;
}

/**
 * The same backend, with some adapter calls held until `hold` resolves and directory searches
 * counted. Lets a test look at the UI while a request is in flight, for as long as it needs.
 */
export function gatedBackend(
  backend: MemoryBackend,
  hold: { submitMessage?: Promise<void>; draftsLoad?: Promise<void> } = {},
): MemoryBackend & Gates {
  let searches = 0;
  const adaptersFor = (agentId: string): AsideAdapters => {
    const adapters = backend.adaptersFor(agentId);
    return {
      ...adapters,
      directory: {
        ...adapters.directory,
        search: (...args) => {
          searches++;
          return adapters.directory.search(...args);
        },
      },
      conversations: {
        ...adapters.conversations,
        submitMessage: async (...args) => {
          await hold.submitMessage;
          return adapters.conversations.submitMessage(...args);
        },
      },
      drafts: {
        ...adapters.drafts,
        load: async (key) => {
          await hold.draftsLoad;
          return adapters.drafts.load(key);
        },
      },
    };
  };
  return {
    ...backend,
    adaptersFor,
    get searches() {
      return searches;
    },
  };
}
