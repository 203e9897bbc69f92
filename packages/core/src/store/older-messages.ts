import { toAsideError } from '../errors';
import type { Conversation } from '../types';
import { parseMessagePage } from '../validate-changes';
import type { StoreKernel } from './kernel';
import type { ConversationState } from './state';

/** What the backend said, as far as the agent has loaded it: the newest window of messages. */
export interface HeldConversation {
  readonly conversation: Conversation;
  readonly olderCursor: string | null;
  /** Which load this window comes from: an older page belongs to the window it was asked for. */
  readonly load: number;
}

/** Paging back through a conversation: older pages go in front of the loaded window. */
export function createOlderMessages(
  kernel: StoreKernel,
  held: Map<string, HeldConversation>,
  refresh: (id: string, partial?: Partial<ConversationState>) => void,
) {
  const limit = kernel.pageSize === undefined ? {} : { limit: kernel.pageSize };
  const inFlight = new Set<string>();

  const loadOlder = async (id: string) => {
    const window = held.get(id);
    const cursor = window?.olderCursor;
    if (!window || !cursor || inFlight.has(id)) return;
    inFlight.add(id);
    refresh(id, { loadingOlder: true, error: null });
    try {
      const raw = await kernel.adapters.conversations.loadOlder(id, cursor, limit);
      const page = parseMessagePage(raw, 'conversations.loadOlder', id, cursor);
      const current = held.get(id);
      // A reload in the meantime replaced the window (and its cursor): this page is not its.
      if (current && current.load === window.load) {
        const { conversation } = current;
        held.set(id, {
          ...current,
          conversation: { ...conversation, messages: [...page.messages, ...conversation.messages] },
          olderCursor: page.olderCursor,
        });
      }
      refresh(id, { loadingOlder: false });
    } catch (error) {
      refresh(id, {
        loadingOlder: false,
        error: toAsideError(error, 'Could not load older messages'),
      });
    } finally {
      inFlight.delete(id);
    }
  };

  return { loadOlder };
}
