import type { AsideAdapters, Unsubscribe } from '../adapters';
import type { AsideError } from '../errors';
import type { MentionHint } from '../policy';
import type { Agent, ComposerMode, Message, RichTextNode } from '../types';
import type { AsideState } from './state';

export interface AsideStoreOptions {
  readonly adapters: AsideAdapters;
  /** The signed-in agent. Notifications for them arrive whatever their status (R12). */
  readonly currentAgentId: string;
  /** Override for tests: ids for idempotency keys. */
  readonly createId?: () => string;
  readonly now?: () => number;
  /** Messages per page when loading a conversation or older messages (default: the backend's). */
  readonly pageSize?: number;
}

export interface MentionSuggestion {
  readonly agent: Agent;
  readonly hint: MentionHint;
}

/** A mention or Add follower search: the suggestions shown, and how many agents match in all. */
export interface MentionSearchResult {
  readonly suggestions: readonly MentionSuggestion[];
  /** At least `suggestions.length`; larger when the directory holds more than the limit. */
  readonly total: number;
}

export type SubmitOutcome =
  | { readonly ok: true; readonly message: Message }
  | { readonly ok: false; readonly error: AsideError };

export interface AsideStore {
  getSnapshot(): AsideState;
  subscribe(listener: () => void): Unsubscribe;
  /** Resolves when the current agent and the settings are loaded. */
  readonly ready: Promise<void>;
  /** Load a conversation, follow its changes and load its drafts. Call the result to let go. */
  openConversation(conversationId: string): () => void;
  /**
   * Load the page of messages before the oldest one loaded and put it in front. Does nothing
   * when none are older (`olderCursor` is `null`) or a page is already on its way.
   */
  loadOlderMessages(conversationId: string): Promise<void>;
  setMode(conversationId: string, mode: ComposerMode): void;
  /**
   * R12, R14: get the composer ready to answer a notification. It switches to Internal note,
   * so a reply to a colleague never reaches the customer by default; the draft of each mode stays.
   */
  prepareReply(conversationId: string): void;
  setDraft(conversationId: string, mode: ComposerMode, doc: RichTextNode): void;
  submit(conversationId: string): Promise<SubmitOutcome>;
  addFollower(conversationId: string, agentId: string): Promise<boolean>;
  removeFollower(conversationId: string, agentId: string): Promise<boolean>;
  searchMentions(
    conversationId: string,
    query: string,
    options?: { readonly signal?: AbortSignal; readonly limit?: number },
  ): Promise<MentionSearchResult>;
  /**
   * Agents the current agent could add as followers directly (R6 self-invite, no note needed):
   * the same directory search as mentions, gated by the internal-note rules whatever the
   * composer's mode. Check each result with `canAddFollower` before offering it.
   */
  searchAgents(
    conversationId: string,
    query: string,
    options?: { readonly signal?: AbortSignal; readonly limit?: number },
  ): Promise<MentionSearchResult>;
  dismissToast(toastId: string): void;
  markRead(filter: {
    readonly eventIds?: readonly string[];
    readonly conversationId?: string;
  }): void;
  /** Load again whatever failed to load (the agent, settings, conversations). */
  retry(): Promise<void>;
  clearError(conversationId?: string): void;
  destroy(): void;
}
