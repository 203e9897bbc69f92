import { type AsideStore, createAsideStore } from '@aside/core';
import {
  createMemoryBackend,
  demoAgents,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Composer, type ComposerProps } from '../../packages/composer/src';
import '../../packages/composer/src/styles.css';

export { demoAgents };

const mounted = new Set<() => void>();

/** Unmount everything `renderComposer` mounted (call in afterEach). */
export function cleanup() {
  for (const unmount of [...mounted]) unmount();
}

// A plain React root, as a host app would have: no act() wrapping in a real browser.
function render(ui: React.ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root: Root = createRoot(container);
  root.render(ui);
  const unmount = () => {
    mounted.delete(unmount);
    root.unmount();
    container.remove();
  };
  mounted.add(unmount);
  return { container, unmount };
}

export interface RenderedComposer {
  readonly backend: MemoryBackend;
  readonly store: AsideStore;
  readonly container: HTMLElement;
  /** The contenteditable element. */
  readonly editor: HTMLElement;
  readonly unmount: () => void;
  readonly remount: () => Promise<HTMLElement>;
}

/** Waits for the editor element to be mounted (an event, not a delay; the test's timeout bounds it). */
const findEditor = (container: HTMLElement): Promise<HTMLElement> =>
  new Promise((resolve) => {
    const found = () => container.querySelector<HTMLElement>('.ProseMirror');
    const now = found();
    if (now) return resolve(now);
    const observer = new MutationObserver(() => {
      const element = found();
      if (!element) return;
      observer.disconnect();
      resolve(element);
    });
    observer.observe(container, { childList: true, subtree: true });
  });

/** A Composer over the in-memory backend, signed in as Sam unless told otherwise. */
export async function renderComposer(
  options: MemoryBackendOptions & {
    readonly agentId?: string;
    readonly backend?: MemoryBackend;
    readonly props?: Partial<ComposerProps>;
    /** Wrap the composer, e.g. in a React Profiler. */
    readonly wrap?: (composer: ReactNode) => ReactNode;
  } = {},
): Promise<RenderedComposer> {
  const backend = options.backend ?? createMemoryBackend(options);
  const agentId = options.agentId ?? demoAgents.sam.id;
  const store = createAsideStore({
    adapters: backend.adaptersFor(agentId),
    currentAgentId: agentId,
  });
  await store.ready;
  const ui = (
    <AsideProvider store={store}>
      {(options.wrap ?? ((composer) => composer))(
        <Composer conversationId="conv-refund" {...options.props} />,
      )}
    </AsideProvider>
  );
  let view = render(ui);
  const editor = await findEditor(view.container);
  return {
    backend,
    store,
    get container() {
      return view.container;
    },
    editor,
    unmount: () => view.unmount(),
    async remount() {
      view.unmount();
      view = render(ui);
      return findEditor(view.container);
    },
  };
}
