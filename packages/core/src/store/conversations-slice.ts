import type { Unsubscribe } from '../adapters';
import { applyChange, peopleOfChange } from '../changes';
import { AsideError, toAsideError } from '../errors';
import type {
  Conversation,
  ConversationChange,
  ConversationEvent,
  ConversationPage,
} from '../types';
import {
  parseConversationChange,
  parseConversationEvent,
  parseConversationPage,
} from '../validate-changes';
import type { DirectorySlice } from './directory-slice';
import { type FollowerOverlay, sameIds } from './follower-overlay';
import type { StoreKernel } from './kernel';
import { createOlderMessages, type HeldConversation } from './older-messages';
import type { ConversationState } from './state';
import { createVersionGate } from './version-gate';

/** Same backend conversation apart from followers (which optimistic changes may override). */
const sameConversationBase = (seen: Conversation, server: Conversation) =>
  seen === server ||
  (seen.version === server.version && seen.id === server.id && seen.messages === server.messages);

/**
 * Open conversations (protocol version 2): a loaded page, then changes applied in version
 * order. A missed change (a gap), a `resync` or a newer `current-version` loads the newest
 * page again; a change at or below the version held is stale and ignored (R18).
 */
export function createConversationsSlice(
  kernel: StoreKernel,
  directory: DirectorySlice,
  overlay: FollowerOverlay,
) {
  const { adapters, patchConversation } = kernel;
  const limit = kernel.pageSize === undefined ? {} : { limit: kernel.pageSize };
  const held = new Map<string, HeldConversation>();
  const gate = createVersionGate();
  const openCounts = new Map<string, number>();
  const subscriptions = new Map<string, Unsubscribe>();
  const loadSeq = new Map<string, number>();
  const loading = new Set<string>();

  const visibleConversation = (id: string): Conversation | null => {
    const server = held.get(id)?.conversation;
    if (!server) return null;
    const followerIds = overlay.followerIds(id, server);
    const previous = kernel.state().conversations[id]?.conversation;
    // Reuse what the agent already sees when nothing visible changed: no needless re-render.
    if (
      previous &&
      sameIds(previous.followerIds, followerIds) &&
      sameConversationBase(previous, server)
    ) {
      return previous;
    }
    return followerIds === server.followerIds ? server : { ...server, followerIds };
  };

  const refresh = (id: string, partial: Partial<ConversationState> = {}) => {
    const previous = kernel.state().conversations[id]?.pendingFollowerIds ?? [];
    const pending = overlay.pendingIds(id);
    const pendingFollowerIds = sameIds(previous, pending) ? previous : pending;
    const olderCursor = held.get(id)?.olderCursor ?? null;
    patchConversation(id, {
      conversation: visibleConversation(id),
      pendingFollowerIds,
      olderCursor,
      ...partial,
    });
  };

  const apply = (current: HeldConversation, change: ConversationChange) => {
    held.set(change.conversationId, {
      ...current,
      conversation: applyChange(current.conversation, change),
    });
    if (change.type === 'message-added') directory.recent.note([change.message.authorId]);
    void directory.fetchMissingPeople(peopleOfChange(change));
  };

  /** Apply the changes that arrived early and now follow in order; load again if still behind. */
  const catchUp = (id: string) => {
    let current = held.get(id);
    for (let next = current && gate.next(id, current.conversation.version); current && next; ) {
      apply(current, next);
      current = held.get(id);
      next = current && gate.next(id, current.conversation.version);
    }
    if (loading.has(id)) return;
    if (!current || gate.shouldReload(id, current.conversation.version)) void load(id);
  };

  const accept = (id: string, page: ConversationPage) => {
    const { conversation } = page;
    if (conversation.id !== id) {
      throw new AsideError(
        'invalid-adapter-data',
        `conversations.load returned an invalid conversation: conversation.id must be ${id}`,
      );
    }
    const current = held.get(id);
    // R18: a page older than the changes already applied is stale; the same version adds nothing.
    if (!current || current.conversation.version < conversation.version) {
      held.set(id, { ...page, load: (current?.load ?? 0) + 1 });
      directory.recent.noteAuthorsOf(conversation);
      const assignee = conversation.assigneeId ? [conversation.assigneeId] : [];
      void directory.fetchMissingPeople([...conversation.followerIds, ...assignee]);
    }
  };

  async function load(id: string) {
    const seq = (loadSeq.get(id) ?? 0) + 1;
    loadSeq.set(id, seq);
    loading.add(id);
    if (!held.has(id)) patchConversation(id, { status: 'loading', error: null });
    let failure: AsideError | null = null;
    try {
      const raw = await adapters.conversations.load(id, limit);
      if (loadSeq.get(id) !== seq) return;
      accept(id, parseConversationPage(raw, 'conversations.load'));
    } catch (error) {
      if (loadSeq.get(id) !== seq) return;
      failure = toAsideError(error, 'Could not load the conversation');
    }
    loading.delete(id);
    if (failure) {
      refresh(id, { status: held.has(id) ? 'ready' : 'error', error: failure });
      return;
    }
    catchUp(id);
    refresh(id, { status: 'ready' });
  }

  /** One change, from the stream or a write's answer, put in version order. */
  const receive = (change: ConversationChange) => {
    const before = held.get(change.conversationId);
    receiveInOrder(change);
    return held.get(change.conversationId) !== before;
  };
  const receiveInOrder = (change: ConversationChange) => {
    const id = change.conversationId;
    const current = held.get(id);
    if (current && change.version <= current.conversation.version) return;
    if (current && change.version === current.conversation.version + 1) apply(current, change);
    else gate.hold(change);
    catchUp(id);
  };

  const onEvent = (id: string, raw: unknown) => {
    let event: ConversationEvent;
    try {
      event = parseConversationEvent(raw, 'conversations.subscribe');
      if (event.conversationId !== id) {
        throw new AsideError(
          'invalid-adapter-data',
          `conversations.subscribe returned an invalid conversation event: event.conversationId must be ${id}`,
        );
      }
    } catch (error) {
      patchConversation(id, { error: toAsideError(error, 'Invalid conversation update') });
      return;
    }
    if (event.type === 'resync') void load(id);
    else if (event.type === 'current-version') {
      gate.know(id, event.version);
      catchUp(id);
    } else if (receive(event)) refresh(id, { status: 'ready' });
  };

  /** Follow a conversation while anyone holds it open; `onFirstOpen` runs on the first hold. */
  const open = (id: string, onFirstOpen: () => void) => {
    const count = openCounts.get(id) ?? 0;
    openCounts.set(id, count + 1);
    if (count === 0) {
      subscriptions.set(
        id,
        adapters.conversations.subscribe(id, (event) => onEvent(id, event)),
      );
      onFirstOpen();
      void load(id);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (openCounts.get(id) ?? 1) - 1;
      openCounts.set(id, left);
      if (left === 0) {
        subscriptions.get(id)?.();
        subscriptions.delete(id);
      }
    };
  };

  kernel.cleanups.push(() => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });

  const older = createOlderMessages(kernel, held, refresh);

  return {
    open,
    load,
    refresh,
    loadOlder: older.loadOlder,
    /** Validate a write's answer and put it in order like any other change; then `refresh`. */
    receiveWrite<T extends ConversationChange['type']>(
      raw: unknown,
      source: string,
      type: T,
    ): Extract<ConversationChange, { type: T }> {
      const change = parseConversationChange(raw, source);
      if (change.type !== type) {
        throw new AsideError(
          'invalid-adapter-data',
          `${source} returned an invalid change: change.type must be ${type}`,
        );
      }
      receive(change);
      return change as Extract<ConversationChange, { type: T }>;
    },
    held: (id: string) => held.get(id)?.conversation,
  };
}

export type ConversationsSlice = ReturnType<typeof createConversationsSlice>;
