import type { AsideAdapters, Unsubscribe } from '../adapters';
import { AsideError } from '../errors';
import { EMPTY_DOC } from '../rich-text';
import type { Draft } from '../types';
import { type AsideState, type ComposerState, type ConversationState, initialState } from './state';
import type { AsideStoreOptions } from './store-api';

const emptyDraft = (now: number): Draft => ({ doc: EMPTY_DOC, text: '', updatedAt: now });

/**
 * The state every slice shares: one immutable `AsideState`, the listeners, and the small
 * patch helpers the slices write through.
 */
export interface StoreKernel {
  readonly adapters: AsideAdapters;
  readonly currentAgentId: string;
  readonly now: () => number;
  readonly createId: () => string;
  readonly pageSize: number | undefined;
  /** Unsubscribes to call on destroy. */
  readonly cleanups: Unsubscribe[];
  state(): AsideState;
  subscribe(listener: () => void): Unsubscribe;
  patch(partial: Partial<AsideState>): void;
  patchConversation(id: string, partial: Partial<ConversationState>): void;
  composerOf(id: string): ComposerState;
  patchComposer(id: string, partial: Partial<ComposerState>): void;
  /** What a decision needs; throws `not-found` until the agent, settings and conversation load. */
  requireContext(conversationId: string): ConversationContext;
  emptyDraft(): Draft;
  readonly destroyed: boolean;
  destroy(): void;
}

export type ConversationContext = {
  readonly agent: NonNullable<AsideState['currentAgent']>;
  readonly settings: NonNullable<AsideState['settings']>;
  readonly conversation: NonNullable<ConversationState['conversation']>;
};

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

export function createKernel(options: AsideStoreOptions): StoreKernel {
  const { adapters, currentAgentId } = options;
  const now = options.now ?? Date.now;
  let state = initialState(currentAgentId);
  let destroyed = false;
  const listeners = new Set<() => void>();
  const cleanups: Unsubscribe[] = [];

  const setState = (next: AsideState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  const patch = (partial: Partial<AsideState>) => setState({ ...state, ...partial });

  const composerOf = (id: string): ComposerState =>
    state.composers[id] ?? {
      mode: 'public-reply',
      drafts: { 'public-reply': emptyDraft(0), 'internal-note': emptyDraft(0) },
      submitting: false,
      error: null,
    };

  return {
    adapters,
    currentAgentId,
    now,
    createId: options.createId ?? randomId,
    pageSize: options.pageSize,
    cleanups,
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    patch,
    patchConversation(id, partial) {
      const previous = state.conversations[id] ?? {
        status: 'loading',
        conversation: null,
        pendingFollowerIds: [],
        olderCursor: null,
        loadingOlder: false,
        error: null,
      };
      patch({ conversations: { ...state.conversations, [id]: { ...previous, ...partial } } });
    },
    composerOf,
    patchComposer: (id, partial) =>
      patch({ composers: { ...state.composers, [id]: { ...composerOf(id), ...partial } } }),
    requireContext(conversationId) {
      const agent = state.currentAgent;
      const settings = state.settings;
      const conversation = state.conversations[conversationId]?.conversation;
      if (!agent || !settings || !conversation) {
        throw new AsideError('not-found', `Conversation ${conversationId} is not loaded yet`);
      }
      return { agent, settings, conversation };
    },
    emptyDraft: () => emptyDraft(now()),
    get destroyed() {
      return destroyed;
    },
    destroy() {
      destroyed = true;
      for (const cleanup of cleanups) cleanup();
      listeners.clear();
    },
  };
}
