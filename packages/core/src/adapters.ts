import type {
  Agent,
  ComposerMode,
  ConversationChange,
  ConversationEvent,
  ConversationPage,
  Draft,
  Message,
  MessagePage,
  NotificationEvent,
  Person,
  RichTextNode,
  Settings,
} from './types';

export type Unsubscribe = () => void;

export interface RequestOptions {
  readonly signal?: AbortSignal;
}

/** What a directory search finds: the first `limit` agents, and how many match in all. */
export interface DirectorySearchResult {
  readonly agents: readonly Agent[];
  /**
   * How many agents match the query in all, beyond `limit` (at least `agents.length`); the menu
   * shows "N more — keep typing" when it is larger. A directory that cannot count returns
   * `agents.length`.
   */
  readonly total: number;
}

/** R17: the host's agent directory. */
export interface DirectoryAdapter {
  /**
   * Agents whose name starts with `query` (any name part), at most `limit`, ranked, with the
   * total that match. End users must not be returned.
   */
  search(
    query: string,
    options: RequestOptions & { readonly limit: number; readonly preferIds?: readonly string[] },
  ): Promise<DirectorySearchResult>;
  /** The people behind these ids; unknown ids are left out. Used to re-check mentions (R5). */
  getPeople(ids: readonly string[], options?: RequestOptions): Promise<readonly Person[]>;
}

export interface SubmitMessageInput {
  readonly conversationId: string;
  /** Same key for retries of the same draft, so a retried submit never posts twice. */
  readonly idempotencyKey: string;
  readonly authorId: string;
  readonly kind: ComposerMode;
  readonly body: RichTextNode;
  /** `toPlainText(body)`; a backend derives it again and never trusts it (R19). */
  readonly text: string;
  /** The body's mentions; a backend refuses any id the body does not hold (R19). */
  readonly mentionIds: readonly string[];
  /**
   * Followers the message adds (R6) as the client saw the conversation: advisory only. A
   * backend derives them with `checkSubmission` from the conversation as it is then (R19).
   */
  readonly addFollowerIds: readonly string[];
}

export interface SubmitMessageResult {
  readonly message: Message;
  /** The `message-added` change the message made. */
  readonly change: ConversationChange;
}

export type FollowerChangeOptions = RequestOptions & { readonly actorId: string };

/**
 * R17: the host's conversation backend (protocol version 2). Loads are paged; the live stream
 * and every write carry changes, each raising the conversation's `version` by exactly 1.
 */
export interface ConversationAdapter {
  /** The conversation with its newest `limit` messages (the backend's default when left out). */
  load(
    conversationId: string,
    options?: RequestOptions & { readonly limit?: number },
  ): Promise<ConversationPage>;
  /** The messages before `cursor` (from a page's `olderCursor`), oldest first. */
  loadOlder(
    conversationId: string,
    cursor: string,
    options?: RequestOptions & { readonly limit?: number },
  ): Promise<MessagePage>;
  subscribe(conversationId: string, onEvent: (event: ConversationEvent) => void): Unsubscribe;
  submitMessage(input: SubmitMessageInput, options?: RequestOptions): Promise<SubmitMessageResult>;
  /** A no-op (already following) answers `followers-changed` at the current version. */
  addFollower(
    conversationId: string,
    agentId: string,
    options: FollowerChangeOptions,
  ): Promise<ConversationChange>;
  removeFollower(
    conversationId: string,
    agentId: string,
    options: FollowerChangeOptions,
  ): Promise<ConversationChange>;
}

/** R17: the live stream of notifications for one agent. */
export interface NotificationAdapter {
  subscribe(agentId: string, onEvent: (event: NotificationEvent) => void): Unsubscribe;
  /**
   * Deliver events the core routed after a write (R6, R12, R13). A backend that routes
   * notifications itself may ignore this.
   */
  publish(events: readonly NotificationEvent[]): Promise<void>;
}

export interface SettingsAdapter {
  load(options?: RequestOptions): Promise<Settings>;
  subscribe?(onChange: (settings: Settings) => void): Unsubscribe;
}

/** R8: drafts per agent, conversation and mode. */
export interface DraftStore {
  load(key: string): Promise<Draft | null>;
  save(key: string, draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface AsideAdapters {
  readonly directory: DirectoryAdapter;
  readonly conversations: ConversationAdapter;
  readonly notifications: NotificationAdapter;
  readonly settings: SettingsAdapter;
  readonly drafts: DraftStore;
}

export function draftKey(agentId: string, conversationId: string, mode: ComposerMode): string {
  return `aside:draft:${agentId}:${conversationId}:${mode}`;
}
