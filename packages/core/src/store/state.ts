import type { AsideError } from '../errors';
import type {
  Agent,
  ComposerMode,
  Conversation,
  Draft,
  NotificationEvent,
  NotificationKind,
  Person,
  Settings,
} from '../types';

export interface ConversationState {
  readonly status: 'loading' | 'ready' | 'error';
  /** What the agent sees: the backend's conversation with pending follower changes applied (R11). */
  readonly conversation: Conversation | null;
  /** Follower ids whose add or remove is waiting for the backend. */
  readonly pendingFollowerIds: readonly string[];
  /**
   * Set while older messages exist that are not loaded (`loadOlderMessages` prepends them);
   * `null` once `conversation.messages` starts at the conversation's first message.
   */
  readonly olderCursor: string | null;
  /** True while `loadOlderMessages` waits for the backend. */
  readonly loadingOlder: boolean;
  readonly error: AsideError | null;
}

export interface ComposerState {
  readonly mode: ComposerMode;
  readonly drafts: Readonly<Record<ComposerMode, Draft>>;
  readonly submitting: boolean;
  readonly error: AsideError | null;
}

export interface NotificationItem {
  readonly event: NotificationEvent;
  readonly read: boolean;
}

export interface Toast {
  readonly id: string;
  readonly kind: NotificationKind;
  /** The newest event behind this toast; updates to one conversation share one toast (R13). */
  readonly event: NotificationEvent;
  readonly count: number;
}

export interface NotificationsState {
  /** Newest first (R14). */
  readonly items: readonly NotificationItem[];
  readonly unreadCount: number;
  readonly toasts: readonly Toast[];
}

export interface AsideState {
  readonly currentAgentId: string;
  readonly currentAgent: Agent | null;
  readonly settings: Settings | null;
  readonly conversations: Readonly<Record<string, ConversationState>>;
  readonly composers: Readonly<Record<string, ComposerState>>;
  readonly people: Readonly<Record<string, Person>>;
  readonly notifications: NotificationsState;
  /** Failures outside any one conversation (settings, notification stream). */
  readonly error: AsideError | null;
}

export function initialState(currentAgentId: string): AsideState {
  return {
    currentAgentId,
    currentAgent: null,
    settings: null,
    conversations: {},
    composers: {},
    people: {},
    notifications: { items: [], unreadCount: 0, toasts: [] },
    error: null,
  };
}
