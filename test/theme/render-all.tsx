import { Composer, type ComposerProps } from '@aside/composer';
import { type AsideStore, createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, type MemoryBackend } from '@aside/core/memory';
import { FollowersList, type FollowersListProps } from '@aside/followers';
import {
  MessagingUpdates,
  type MessagingUpdatesProps,
  Toaster,
  type ToasterProps,
} from '@aside/notifications';
import { AsideProvider, type AsideProviderProps } from '@aside/react';
import { render } from '@testing-library/react';
import type { CSSProperties } from 'react';
import { vi } from 'vitest';
import { eventFor } from '../notifications/events';
import '../../packages/composer/src/styles.css';
import '../../packages/followers/src/styles.css';
import '../../packages/notifications/src/styles.css';

export { demoAgents, eventFor };

export interface AllSetup {
  readonly backend: MemoryBackend;
  readonly store: AsideStore;
  readonly view: ReturnType<typeof render>;
}

/**
 * Every Aside component in one wrapper (the composer, Jane's follower chip, the Messaging
 * updates list and the toaster), signed in as Sam, with one notification already shown.
 */
export async function renderAll(
  options: {
    wrapper?: { theme?: 'light' | 'dark'; style?: CSSProperties; className?: string };
    provider?: Pick<AsideProviderProps, 'labels' | 'locale'>;
    composer?: Partial<ComposerProps>;
    followers?: Partial<FollowersListProps>;
    updates?: Partial<MessagingUpdatesProps>;
    toaster?: Partial<ToasterProps>;
    notify?: boolean;
  } = {},
): Promise<AllSetup> {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  const backend = createMemoryBackend();
  backend.updateConversation('conv-refund', () => ({ followerIds: [demoAgents.jane.id] }));
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  await store.ready;
  const open = () => {};
  const { wrapper = {} } = options;
  const view = render(
    <AsideProvider store={store} {...options.provider}>
      <div
        data-testid="wrapper"
        data-aside-theme={wrapper.theme}
        style={wrapper.style}
        className={wrapper.className}
      >
        <Composer conversationId="conv-refund" {...options.composer} />
        <FollowersList conversationId="conv-refund" {...options.followers} />
        <MessagingUpdates onOpenConversation={open} {...options.updates} />
        {/* At the bottom, clear of the composer's tabs the tests click. */}
        <Toaster
          onOpenConversation={open}
          duration={Infinity}
          placement="bottom-right"
          {...options.toaster}
        />
      </div>
    </AsideProvider>,
  );
  if (options.notify !== false) backend.emit(eventFor());
  await vi.waitFor(() => roots(options.notify !== false));
  return { backend, store, view };
}

/** The root element of each component, the toast included (portalled to <body>). */
export function roots(withToast = true) {
  const one = (selector: string) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`${selector} is not rendered`);
    return element;
  };
  return {
    composer: one('.aside-composer'),
    chip: one('.aside-chip'),
    updates: one('.aside-updates'),
    toast: withToast ? one('.aside-toast') : null,
  };
}
