import type {
  AsideAdapters,
  DraftStore,
  SubmitMessageInput,
  SubmitMessageResult,
  Unsubscribe,
} from '../adapters';
import { AsideError } from '../errors';
import { canView } from '../policy';
import { createMentionIndex } from '../search';
import { checkFollowerChange } from '../submission/check-follower';
import { checkSubmission, readSubmission } from '../submission/check-submission';
import { refusalError } from '../submission/refusal';
import type {
  Agent,
  Conversation,
  ConversationChange,
  Draft,
  EndUser,
  NotificationEvent,
  Person,
  Settings,
} from '../types';
import { createMemoryConversations } from './conversations';
import { demoConversations, demoDirectory, demoEndUsers } from './seed';
import { createSwitches, type MemoryOperation } from './switches';

export type { MemoryOperation } from './switches';

export interface MemoryBackendOptions {
  readonly agents?: readonly Agent[];
  readonly endUsers?: readonly EndUser[];
  readonly conversations?: readonly Conversation[];
  readonly settings?: Partial<Settings>;
  /** Delay of every operation, in ms (0: resolve on the next microtask). */
  readonly latencyMs?: number;
}

export interface MemoryBackend {
  /** Adapters as seen by one signed-in agent; several agents can share one backend. */
  adaptersFor(agentId: string): AsideAdapters;
  /** Slow an operation down (or every one, with `'all'`). */
  setLatency(operation: MemoryOperation | 'all', ms: number): void;
  /** Make an operation fail `times` times (default: until `recover`). */
  fail(operation: MemoryOperation, times?: number, message?: string): void;
  recover(operation?: MemoryOperation): void;
  setSettings(settings: Partial<Settings>): void;
  /**
   * Change a conversation as another agent or the backend would; subscribers hear of it, one
   * change per aspect (appended messages, followers, header), or `resync` for rewritten history.
   */
  updateConversation(
    id: string,
    change: (conversation: Conversation) => Partial<Conversation>,
  ): void;
  /** Deliver a notification as a server would. */
  emit(event: NotificationEvent): void;
  /** The whole conversation as stored, every message included. */
  conversation(id: string): Conversation | undefined;
  readonly agents: readonly Agent[];
}

const DEFAULT_SETTINGS: Settings = { collaborationEnabled: true, mentionWithoutAccess: 'add' };

/** An in-memory helpdesk backend with switches for latency and failure (R17), for tests and stories. */
export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const agents = options.agents ?? demoDirectory();
  const endUsers = options.endUsers ?? demoEndUsers;
  const people = new Map<string, Person>(
    [...agents, ...endUsers].map((person) => [person.id, person]),
  );
  const index = createMentionIndex(agents);
  const conversations = createMemoryConversations(options.conversations ?? demoConversations);
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };

  const { operate, setLatency, fail, recover } = createSwitches(options.latencyMs ?? 0);
  const notificationListeners = new Map<string, Set<(event: NotificationEvent) => void>>();
  const settingsListeners = new Set<(settings: Settings) => void>();
  const submitted = new Map<string, SubmitMessageResult>();
  const drafts = new Map<string, Draft>();
  let messageSeq = 0;

  const listenersOf = <T>(map: Map<string, Set<T>>, key: string) => {
    const set = map.get(key) ?? new Set<T>();
    map.set(key, set);
    return set;
  };

  const { find } = conversations;

  const agentOf = (id: string): Agent => {
    const person = people.get(id);
    if (person?.kind !== 'agent') throw new AsideError('forbidden', `${id} is not an agent`);
    return person;
  };

  const deliver = (event: NotificationEvent) => {
    for (const listener of [...listenersOf(notificationListeners, event.recipientId)])
      listener(event);
  };

  const draftStore: DraftStore = {
    async load(key) {
      await operate('drafts');
      return drafts.get(key) ?? null;
    },
    async save(key, draft) {
      await operate('drafts');
      drafts.set(key, draft);
    },
    async remove(key) {
      await operate('drafts');
      drafts.delete(key);
    },
  };

  const submitMessage = (input: SubmitMessageInput): SubmitMessageResult => {
    const author = agentOf(input.authorId);
    const before = find(input.conversationId);
    // The backend decides again with the same function as the store (R19): it trusts no client.
    const read = readSubmission(input);
    const decision = checkSubmission(input, {
      author,
      conversation: before,
      settings,
      people: read.ok ? read.mentionIds.flatMap((id) => people.get(id) ?? []) : [],
    });
    if (!decision.ok) throw refusalError(decision);
    const message = {
      id: `msg-${++messageSeq}`,
      conversationId: before.id,
      authorId: author.id,
      kind: decision.kind,
      body: decision.body,
      text: decision.text,
      mentionIds: decision.mentionIds,
      createdAt: Date.now(),
    };
    const added = decision.addFollowerIds;
    const change = conversations.commit(before.id, (version) => ({
      type: 'message-added' as const,
      conversationId: before.id,
      version,
      message,
      ...(added.length > 0 ? { followerIds: [...before.followerIds, ...added] } : {}),
    }));
    return { message, change };
  };

  const changeFollower = (
    type: 'add' | 'remove',
    id: string,
    agentId: string,
    actorId: string,
  ): ConversationChange => {
    const conversation = find(id);
    const decision = checkFollowerChange({
      type,
      actor: agentOf(actorId),
      conversation,
      settings,
      agentId,
      target: people.get(agentId),
    });
    if (!decision.ok) throw refusalError(decision);
    const others = conversation.followerIds.filter((f) => f !== agentId);
    const followerIds = type === 'add' ? [...others, agentId] : others;
    return conversations.commit(id, (version) => ({
      type: 'followers-changed' as const,
      conversationId: id,
      version,
      followerIds,
    }));
  };

  const adaptersFor = (agentId: string): AsideAdapters => {
    const viewable = (id: string) => {
      if (!canView(find(id), agentId)) throw new AsideError('not-found', `No conversation ${id}`);
    };
    return {
      directory: {
        async search(query, { limit, signal, preferIds }) {
          await operate('search', signal);
          const agents = index.search(query, { limit, ...(preferIds ? { preferIds } : {}) });
          return { agents, total: index.count(query) };
        },
        async getPeople(ids, requestOptions) {
          await operate('getPeople', requestOptions?.signal);
          return ids.flatMap((id) => people.get(id) ?? []);
        },
      },
      conversations: {
        async load(id, requestOptions) {
          await operate('load', requestOptions?.signal);
          viewable(id);
          return conversations.page(id, requestOptions?.limit);
        },
        async loadOlder(id, cursor, requestOptions) {
          await operate('loadOlder', requestOptions?.signal);
          viewable(id);
          return conversations.older(id, cursor, requestOptions?.limit);
        },
        subscribe(id, onEvent): Unsubscribe {
          // R7: like load, a change reaches only an agent who can view the conversation now.
          return conversations.subscribe(id, (event) => {
            const conversation = conversations.get(id);
            if (conversation && canView(conversation, agentId)) onEvent(event);
          });
        },
        async submitMessage(input) {
          await operate('submitMessage');
          const repeat = submitted.get(input.idempotencyKey);
          if (repeat) return repeat;
          const result = submitMessage({ ...input, authorId: agentId });
          submitted.set(input.idempotencyKey, result);
          return result;
        },
        async addFollower(id, followerId, { actorId }) {
          await operate('addFollower');
          return changeFollower('add', id, followerId, actorId);
        },
        async removeFollower(id, followerId, { actorId }) {
          await operate('removeFollower');
          return changeFollower('remove', id, followerId, actorId);
        },
      },
      notifications: {
        subscribe(recipientId, onEvent) {
          const listeners = listenersOf(notificationListeners, recipientId);
          listeners.add(onEvent);
          return () => listeners.delete(onEvent);
        },
        async publish(events) {
          await operate('publish');
          events.forEach(deliver);
        },
      },
      settings: {
        async load() {
          await operate('settings');
          return settings;
        },
        subscribe(onChange) {
          settingsListeners.add(onChange);
          return () => settingsListeners.delete(onChange);
        },
      },
      drafts: draftStore,
    };
  };

  return {
    adaptersFor,
    agents,
    setLatency,
    fail,
    recover,
    setSettings(change) {
      settings = { ...settings, ...change };
      for (const listener of [...settingsListeners]) listener(settings);
    },
    updateConversation: (id, change) => conversations.update(id, change(find(id))),
    emit: deliver,
    conversation: conversations.get,
  };
}
