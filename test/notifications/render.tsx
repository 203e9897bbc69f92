import { type AsideStore, createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, type MemoryBackend } from '@aside/core/memory';
import {
  MessagingUpdates,
  type MessagingUpdatesProps,
  type OpenConversation,
  Toaster,
  type ToasterProps,
} from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import '../../packages/notifications/src/styles.css';

export { eventFor } from './events';
export { demoAgents };

export interface NotificationsSetup {
  readonly backend: MemoryBackend;
  readonly store: AsideStore;
  readonly onOpenConversation: ReturnType<typeof vi.fn<OpenConversation>>;
  readonly view: ReturnType<typeof render>;
}

/** Sam's workspace: a text field he is typing in, the Toaster and the Messaging updates list. */
export async function renderNotifications(
  options: {
    toaster?: Partial<ToasterProps>;
    updates?: boolean;
    updatesProps?: Partial<MessagingUpdatesProps>;
    dir?: 'ltr' | 'rtl';
    agentId?: string;
  } = {},
): Promise<NotificationsSetup> {
  // Real-browser tests wait on the DOM like a user; React's act() warnings do not apply here.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  const backend = createMemoryBackend();
  const agentId = options.agentId ?? demoAgents.sam.id;
  const store = createAsideStore({
    adapters: backend.adaptersFor(agentId),
    currentAgentId: agentId,
  });
  await store.ready;
  const onOpenConversation = vi.fn<OpenConversation>();
  const view = render(
    <AsideProvider store={store}>
      <div dir={options.dir}>
        <label>
          Reply draft
          <input />
        </label>
        {/* Far from the toasts, where a pointer rests without pausing them. */}
        <p style={{ marginBlockStart: '80vh' }}>Conversation history</p>
        <Toaster onOpenConversation={onOpenConversation} {...options.toaster} />
        {options.updates && (
          <MessagingUpdates onOpenConversation={onOpenConversation} {...options.updatesProps} />
        )}
      </div>
    </AsideProvider>,
  );
  return { backend, store, onOpenConversation, view };
}
