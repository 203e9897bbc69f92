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
  Draft,
  EndUser,
  NotificationEvent,
  Person,
  Settings,
} from '../types';
import { demoConversations, demoDirectory, demoEndUsers } from './seed';

export type MemoryOperation =
  | 'search'
  | 'getPeople'
  | 'load'
  | 'submitMessage'
  | 'addFollower'
  | 'removeFollower'
  | 'publish'
  | 'settings'
  | 'drafts';

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
  /** Change a conversation as another agent or the backend would; subscribers hear of it. */
  updateConversation(
    id: string,
    change: (conversation: Conversation) => Partial<Conversation>,
  ): void;
  /** Deliver a notification as a server would. */
  emit(event: NotificationEvent): void;
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
  const conversations = new Map((options.conversations ?? demoConversations).map((c) => [c.id, c]));
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };

  const latency = new Map<MemoryOperation | 'all', number>([['all', options.latencyMs ?? 0]]);
  const failures = new Map<MemoryOperation, { times: number; message: string }>();
  const conversationListeners = new Map<string, Set<(conversation: Conversation) => void>>();
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

  /** Wait the configured latency, honour aborts, then fail if a failure is armed. */
  const operate = async (operation: MemoryOperation, signal?: AbortSignal) => {
    const ms = latency.get(operation) ?? latency.get('all') ?? 0;
    if (ms > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(Object.assign(new Error('Aborted'), { name: 'AbortError' }));
        });
      });
    } else {
      await Promise.resolve();
    }
    if (signal?.aborted) throw Object.assign(new Error('Aborted'), { name: 'AbortError' });
    const failure = failures.get(operation);
    if (failure && failure.times > 0) {
      failure.times--;
      // A plain Error, as a network failure would be: the store must wrap it with context.
      throw new Error(failure.message);
    }
  };

  const find = (id: string) => {
    const conversation = conversations.get(id);
    if (!conversation) throw new AsideError('not-found', `No conversation ${id}`);
    return conversation;
  };

  const save = (id: string, change: Partial<Conversation>) => {
    const next = { ...find(id), ...change, version: find(id).version + 1 };
    conversations.set(id, next);
    for (const listener of [...listenersOf(conversationListeners, id)]) listener(next);
    return next;
  };

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
    const conversation = save(before.id, {
      messages: [...before.messages, message],
      followerIds: [...before.followerIds, ...decision.addFollowerIds],
    });
    return { message, conversation };
  };

  const changeFollower = (
    type: 'add' | 'remove',
    id: string,
    agentId: string,
    actorId: string,
  ): Conversation => {
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
    const followerIds = conversation.followerIds.filter((f) => f !== agentId);
    return save(id, { followerIds: type === 'add' ? [...followerIds, agentId] : followerIds });
  };

  const adaptersFor = (agentId: string): AsideAdapters => ({
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
        const conversation = find(id);
        if (!canView(conversation, agentId))
          throw new AsideError('not-found', `No conversation ${id}`);
        return conversation;
      },
      subscribe(id, onChange): Unsubscribe {
        const listeners = listenersOf(conversationListeners, id);
        // R7: like load, a change reaches only an agent who can view the conversation now.
        const listener = (conversation: Conversation) => {
          if (canView(conversation, agentId)) onChange(conversation);
        };
        listeners.add(listener);
        return () => listeners.delete(listener);
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
  });

  return {
    adaptersFor,
    agents,
    setLatency: (operation, ms) => latency.set(operation, ms),
    fail: (
      operation,
      times = Number.POSITIVE_INFINITY,
      message = `The backend refused (${operation})`,
    ) => failures.set(operation, { times, message }),
    recover: (operation) => (operation ? failures.delete(operation) : failures.clear()),
    setSettings(change) {
      settings = { ...settings, ...change };
      for (const listener of [...settingsListeners]) listener(settings);
    },
    updateConversation: (id, change) => void save(id, change(find(id))),
    emit: deliver,
    conversation: (id) => conversations.get(id),
  };
}
