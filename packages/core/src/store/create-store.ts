import type { Unsubscribe } from '../adapters';
import { draftKey } from '../adapters';
import { AsideError, toAsideError } from '../errors';
import { canMention, mentionHint } from '../policy';
import { EMPTY_DOC, isEmptyDoc, stripMentions, toPlainText } from '../rich-text';
import { notificationsForMessage } from '../routing';
import { DEFAULT_SUGGESTION_LIMIT } from '../search';
import { checkFollowerChange } from '../submission/check-follower';
import { checkSubmission, readSubmission } from '../submission/check-submission';
import { refusalError } from '../submission/refusal';
import type {
  Agent,
  ComposerMode,
  Conversation,
  Draft,
  NotificationEvent,
  Person,
  RichTextNode,
} from '../types';
import {
  parseAgents,
  parseConversation,
  parseDirectorySearch,
  parseDraft,
  parseNotification,
  parsePeople,
  parseSettings,
} from '../validate';
import * as inbox from './notifications';
import { createRecentCollaborators } from './recent-collaborators';
import { type AsideState, type ComposerState, type ConversationState, initialState } from './state';
import type {
  AsideStore,
  AsideStoreOptions,
  MentionSearchResult,
  SubmitOutcome,
} from './store-api';

interface FollowerChange {
  readonly id: number;
  readonly type: 'add' | 'remove';
  readonly agentId: string;
}

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** Same backend conversation apart from followers (which optimistic changes may override). */
const sameConversationBase = (seen: Conversation, server: Conversation) =>
  seen === server ||
  (seen.version === server.version && seen.id === server.id && seen.messages === server.messages);

/** R12: answers to a colleague's notification start as an internal note. */
const REPLY_MODE: ComposerMode = 'internal-note';

const emptyDraft = (now: number): Draft => ({ doc: EMPTY_DOC, text: '', updatedAt: now });

const abortError = () =>
  Object.assign(new Error('The search was cancelled'), { name: 'AbortError' });

export function createAsideStore(options: AsideStoreOptions): AsideStore {
  const { adapters, currentAgentId } = options;
  const now = options.now ?? Date.now;
  const createId = options.createId ?? randomId;

  let state = initialState(currentAgentId);
  const listeners = new Set<() => void>();
  const setState = (next: AsideState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };

  // Backend truth and the optimistic changes laid over it (R11).
  const serverConversations = new Map<string, Conversation>();
  const followerChanges = new Map<string, FollowerChange[]>();
  let changeSeq = 0;
  const openCounts = new Map<string, number>();
  const conversationSubscriptions = new Map<string, Unsubscribe>();
  const loadSeq = new Map<string, number>();
  // Drafts the agent edited before the stored copy arrived: the stored copy must not win (R18).
  const touchedDrafts = new Set<string>();
  const submitKeys = new Map<string, { draft: Draft; key: string }>();
  const seenEventIds = new Set<string>();
  const recent = createRecentCollaborators(currentAgentId);
  let pendingEvents: NotificationEvent[] = [];
  const cleanups: Unsubscribe[] = [];
  let destroyed = false;

  const patch = (partial: Partial<AsideState>) => setState({ ...state, ...partial });

  const patchConversation = (id: string, partial: Partial<ConversationState>) => {
    const previous = state.conversations[id] ?? {
      status: 'loading',
      conversation: null,
      pendingFollowerIds: [],
      error: null,
    };
    patch({ conversations: { ...state.conversations, [id]: { ...previous, ...partial } } });
  };

  const composerOf = (id: string): ComposerState =>
    state.composers[id] ?? {
      mode: 'public-reply',
      drafts: { 'public-reply': emptyDraft(0), 'internal-note': emptyDraft(0) },
      submitting: false,
      error: null,
    };

  const patchComposer = (id: string, partial: Partial<ComposerState>) =>
    patch({ composers: { ...state.composers, [id]: { ...composerOf(id), ...partial } } });

  const rememberPeople = (people: readonly Person[]) => {
    const fresh = people.filter((person) => state.people[person.id] !== person);
    if (fresh.length === 0) return;
    const next = { ...state.people };
    for (const person of fresh) next[person.id] = person;
    patch({ people: next });
  };

  const fetchMissingPeople = async (ids: readonly string[]) => {
    const missing = ids.filter((id) => !state.people[id]);
    if (missing.length === 0) return;
    try {
      rememberPeople(
        parsePeople(await adapters.directory.getPeople(missing), 'directory.getPeople'),
      );
    } catch (error) {
      patch({ error: toAsideError(error, 'Could not load people') });
    }
  };

  const visibleConversation = (id: string): Conversation | null => {
    const server = serverConversations.get(id);
    if (!server) return null;
    const changes = followerChanges.get(id) ?? [];
    let followerIds = [...server.followerIds];
    for (const change of changes) {
      followerIds = followerIds.filter((followerId) => followerId !== change.agentId);
      if (change.type === 'add') followerIds.push(change.agentId);
    }
    const previous = state.conversations[id]?.conversation;
    // Reuse what the agent already sees when nothing visible changed: no needless re-render.
    if (
      previous &&
      sameIds(previous.followerIds, followerIds) &&
      sameConversationBase(previous, server)
    ) {
      return previous;
    }
    return sameIds(server.followerIds, followerIds) ? server : { ...server, followerIds };
  };

  const refreshConversation = (id: string, partial: Partial<ConversationState> = {}) => {
    const previous = state.conversations[id]?.pendingFollowerIds ?? [];
    const pending = (followerChanges.get(id) ?? []).map((change) => change.agentId);
    const pendingFollowerIds = sameIds(previous, pending) ? previous : pending;
    patchConversation(id, {
      conversation: visibleConversation(id),
      pendingFollowerIds,
      ...partial,
    });
  };

  /** Validate and record the backend's truth; R18: a response older than what we hold is dropped. */
  const recordServer = (raw: unknown, source: string): Conversation => {
    const conversation = parseConversation(raw, source);
    const held = serverConversations.get(conversation.id);
    if (held && held.version > conversation.version) return held;
    serverConversations.set(conversation.id, conversation);
    if (held?.messages !== conversation.messages) recent.noteAuthorsOf(conversation);
    const ids = [
      ...conversation.followerIds,
      ...(conversation.assigneeId ? [conversation.assigneeId] : []),
    ];
    void fetchMissingPeople(ids);
    return conversation;
  };

  const acceptServer = (raw: unknown, source: string): Conversation => {
    const conversation = recordServer(raw, source);
    refreshConversation(conversation.id, { status: 'ready' });
    return conversation;
  };

  const requireContext = (conversationId: string) => {
    const agent = state.currentAgent;
    const settings = state.settings;
    const conversation = state.conversations[conversationId]?.conversation;
    if (!agent || !settings || !conversation) {
      throw new AsideError('not-found', `Conversation ${conversationId} is not loaded yet`);
    }
    return { agent, settings, conversation };
  };

  // ---- start-up: who am I, what are the settings, my notification stream ----
  const loadAgentAndSettings = async () => {
    try {
      const [people, settings] = await Promise.all([
        adapters.directory.getPeople([currentAgentId]),
        adapters.settings.load(),
      ]);
      const [me] = parseAgents(
        parsePeople(people, 'directory.getPeople').filter((person) => person.id === currentAgentId),
        'directory.getPeople',
      );
      if (!me)
        throw new AsideError(
          'not-found',
          `The current agent ${currentAgentId} is not in the directory`,
        );
      rememberPeople([me]);
      patch({ currentAgent: me, settings: parseSettings(settings, 'settings.load') });
    } catch (error) {
      patch({ error: toAsideError(error, 'Could not load the current agent and settings') });
    }
  };
  const ready = loadAgentAndSettings();

  if (adapters.settings.subscribe) {
    cleanups.push(
      adapters.settings.subscribe((settings) => {
        try {
          patch({ settings: parseSettings(settings, 'settings.subscribe') });
        } catch (error) {
          patch({ error: toAsideError(error, 'Invalid settings') });
        }
      }),
    );
  }

  const flushEvents = () => {
    const batch = pendingEvents;
    pendingEvents = [];
    if (!destroyed)
      patch({ notifications: inbox.receiveNotifications(state.notifications, batch) });
  };

  cleanups.push(
    adapters.notifications.subscribe(currentAgentId, (raw) => {
      let event: NotificationEvent;
      try {
        event = parseNotification(raw, 'notifications.subscribe');
      } catch (error) {
        patch({ error: toAsideError(error, 'Invalid notification') });
        return;
      }
      // Routing is by recipient only: status never filters (R12). Replays are dropped by id.
      if (event.recipientId !== currentAgentId || seenEventIds.has(event.id)) return;
      seenEventIds.add(event.id);
      // One state change per tick, however many events arrive in it.
      if (pendingEvents.push(event) === 1) queueMicrotask(flushEvents);
    }),
  );

  // ---- conversations ----
  const loadConversation = async (id: string) => {
    const seq = (loadSeq.get(id) ?? 0) + 1;
    loadSeq.set(id, seq);
    if (!serverConversations.has(id)) patchConversation(id, { status: 'loading', error: null });
    try {
      const conversation = await adapters.conversations.load(id);
      if (loadSeq.get(id) === seq) acceptServer(conversation, 'conversations.load');
    } catch (error) {
      if (loadSeq.get(id) !== seq) return;
      patchConversation(id, {
        status: serverConversations.has(id) ? 'ready' : 'error',
        error: toAsideError(error, 'Could not load the conversation'),
      });
    }
  };

  const loadDrafts = async (conversationId: string) => {
    await ready;
    for (const mode of ['public-reply', 'internal-note'] as const) {
      const key = draftKey(currentAgentId, conversationId, mode);
      try {
        const stored = await adapters.drafts.load(key);
        if (!stored || touchedDrafts.has(key)) continue;
        const draft = parseDraft(stored, 'drafts.load');
        const composer = composerOf(conversationId);
        patchComposer(conversationId, { drafts: { ...composer.drafts, [mode]: draft } });
      } catch (error) {
        patchComposer(conversationId, {
          error: toAsideError(error, 'Could not load the saved draft'),
        });
      }
    }
  };

  const openConversation = (id: string) => {
    const count = openCounts.get(id) ?? 0;
    openCounts.set(id, count + 1);
    if (count === 0) {
      conversationSubscriptions.set(
        id,
        adapters.conversations.subscribe(id, (conversation) => {
          try {
            acceptServer(conversation, 'conversations.subscribe');
          } catch (error) {
            patchConversation(id, { error: toAsideError(error, 'Invalid conversation update') });
          }
        }),
      );
      if (!state.composers[id]) patchComposer(id, {});
      void loadConversation(id);
      void loadDrafts(id);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (openCounts.get(id) ?? 1) - 1;
      openCounts.set(id, left);
      if (left === 0) {
        conversationSubscriptions.get(id)?.();
        conversationSubscriptions.delete(id);
      }
    };
  };

  // ---- composer ----
  const setMode = (conversationId: string, mode: ComposerMode) => {
    if (composerOf(conversationId).mode !== mode) patchComposer(conversationId, { mode });
  };

  const saveDraft = (conversationId: string, mode: ComposerMode, draft: Draft) => {
    const key = draftKey(currentAgentId, conversationId, mode);
    const write = isEmptyDoc(draft.doc)
      ? adapters.drafts.remove(key)
      : adapters.drafts.save(key, draft);
    // The draft stays in memory whatever happens; a failed save is shown, not lost (R8).
    write.catch((error: unknown) =>
      patchComposer(conversationId, { error: toAsideError(error, 'Could not save the draft') }),
    );
  };

  const setDraft = (conversationId: string, mode: ComposerMode, doc: RichTextNode) => {
    touchedDrafts.add(draftKey(currentAgentId, conversationId, mode));
    const composer = composerOf(conversationId);
    const draft = { doc, text: toPlainText(doc), updatedAt: now() };
    patchComposer(conversationId, { drafts: { ...composer.drafts, [mode]: draft } });
    saveDraft(conversationId, mode, draft);
  };

  const fail = (conversationId: string, error: AsideError): SubmitOutcome => {
    patchComposer(conversationId, { submitting: false, error });
    return { ok: false, error };
  };

  const submit = async (conversationId: string): Promise<SubmitOutcome> => {
    const composer = composerOf(conversationId);
    if (composer.submitting) {
      return { ok: false, error: new AsideError('busy', 'A message is already being sent') };
    }
    const { mode } = composer;
    const draft = composer.drafts[mode];
    let context: ReturnType<typeof requireContext>;
    try {
      context = requireContext(conversationId);
    } catch (error) {
      return fail(conversationId, toAsideError(error, 'Cannot submit'));
    }
    const { agent, settings, conversation } = context;
    // R3: a public reply never carries a mention, however it got there.
    const input = {
      kind: mode,
      body: mode === 'public-reply' ? stripMentions(draft.doc) : draft.doc,
    };
    const read = readSubmission(input);
    if (!read.ok) return fail(conversationId, refusalError(read));

    patchComposer(conversationId, { submitting: true, error: null });
    let people: Person[] = [];
    if (read.mentionIds.length > 0) {
      try {
        // R5: never trust the mention nodes (they may be pasted); ask the directory again.
        people = parsePeople(
          await adapters.directory.getPeople(read.mentionIds),
          'directory.getPeople',
        );
      } catch (error) {
        return fail(conversationId, toAsideError(error, 'Could not check the mentioned agents'));
      }
      rememberPeople(people);
    }
    // R19: the same decision the backend takes before storing.
    const decision = checkSubmission(input, { author: agent, conversation, settings, people });
    if (!decision.ok) return fail(conversationId, refusalError(decision));

    const keyName = `${conversationId}:${mode}`;
    const previousAttempt = submitKeys.get(keyName);
    const idempotencyKey = previousAttempt?.draft === draft ? previousAttempt.key : createId();
    submitKeys.set(keyName, { draft, key: idempotencyKey });

    try {
      const result = await adapters.conversations.submitMessage({
        conversationId,
        idempotencyKey,
        authorId: agent.id,
        kind: mode,
        body: decision.body,
        text: decision.text,
        mentionIds: decision.mentionIds,
        addFollowerIds: decision.addFollowerIds,
      });
      const after = acceptServer(result.conversation, 'conversations.submitMessage');
      submitKeys.delete(keyName);
      recent.note(decision.mentionIds);
      const current = composerOf(conversationId);
      patchComposer(conversationId, {
        submitting: false,
        error: null,
        drafts: { ...current.drafts, [mode]: emptyDraft(now()) },
      });
      void adapters.drafts.remove(draftKey(currentAgentId, conversationId, mode)).catch(() => {});
      const events = notificationsForMessage(result.message, agent, after);
      if (events.length > 0) {
        adapters.notifications
          .publish(events)
          .catch((error: unknown) =>
            patch({ error: toAsideError(error, 'Could not send notifications') }),
          );
      }
      return { ok: true, message: result.message };
    } catch (error) {
      return fail(conversationId, toAsideError(error, 'Could not send the message'));
    }
  };

  // ---- followers (optimistic, R11) ----
  const changeFollower = async (
    conversationId: string,
    type: FollowerChange['type'],
    agentId: string,
  ) => {
    const change: FollowerChange = { id: ++changeSeq, type, agentId };
    followerChanges.set(conversationId, [...(followerChanges.get(conversationId) ?? []), change]);
    refreshConversation(conversationId, { error: null });
    const forget = () =>
      followerChanges.set(
        conversationId,
        (followerChanges.get(conversationId) ?? []).filter((other) => other.id !== change.id),
      );
    try {
      const call =
        type === 'add' ? adapters.conversations.addFollower : adapters.conversations.removeFollower;
      const conversation = await call.call(adapters.conversations, conversationId, agentId, {
        actorId: currentAgentId,
      });
      // Record the confirmed state before dropping the optimistic change, then show both at once.
      recordServer(conversation, `conversations.${type}Follower`);
      if (type === 'add') recent.note([agentId]);
      forget();
      refreshConversation(conversationId);
      return true;
    } catch (error) {
      forget();
      const message =
        type === 'add' ? 'Could not add the follower' : 'Could not remove the follower';
      refreshConversation(conversationId, { error: toAsideError(error, message) });
      return false;
    }
  };

  const refuse = (conversationId: string, message: string) => {
    patchConversation(conversationId, { error: new AsideError('forbidden', message) });
    return Promise.resolve(false);
  };

  const addFollower = async (conversationId: string, agentId: string) => {
    let context: ReturnType<typeof requireContext>;
    try {
      context = requireContext(conversationId);
    } catch (error) {
      return refuse(conversationId, (error as Error).message);
    }
    await fetchMissingPeople([agentId]);
    return decideFollower(conversationId, 'add', agentId, context);
  };

  const removeFollower = (conversationId: string, agentId: string) => {
    let context: ReturnType<typeof requireContext>;
    try {
      context = requireContext(conversationId);
    } catch (error) {
      return refuse(conversationId, (error as Error).message);
    }
    return decideFollower(conversationId, 'remove', agentId, context);
  };

  /** R5, R10: the same decision the backend takes; a refusal is shown and nothing is sent. */
  const decideFollower = (
    conversationId: string,
    type: FollowerChange['type'],
    agentId: string,
    { agent, settings, conversation }: ReturnType<typeof requireContext>,
  ) => {
    const decision = checkFollowerChange({
      type,
      actor: agent,
      conversation,
      settings,
      agentId,
      target: state.people[agentId],
    });
    if (!decision.ok) {
      patchConversation(conversationId, { error: refusalError(decision) });
      return Promise.resolve(false);
    }
    return changeFollower(conversationId, type, agentId);
  };

  // ---- mention search (R2, R5) ----
  const searchDirectory = async (
    conversationId: string,
    query: string,
    searchOptions: Parameters<AsideStore['searchMentions']>[2] = {},
    mode: ComposerMode = composerOf(conversationId).mode,
  ): Promise<MentionSearchResult> => {
    const { agent, settings, conversation } = requireContext(conversationId);
    const decision = canMention(agent, conversation, settings, mode);
    if (!decision.allowed) {
      throw new AsideError(
        'mentions-unavailable',
        `@mentions are unavailable here (${decision.reason})`,
      );
    }
    const { signal, limit = DEFAULT_SUGGESTION_LIMIT } = searchOptions;
    const preferIds = [
      ...(conversation.assigneeId ? [conversation.assigneeId] : []),
      ...conversation.followerIds,
      ...recent.list(),
    ];
    const raw = await adapters.directory.search(query, {
      limit,
      preferIds,
      ...(signal ? { signal } : {}),
    });
    if (signal?.aborted) throw abortError();
    const found = parseDirectorySearch(raw, 'directory.search');
    // R5: whatever the directory returns, only agents are offered.
    const agents = found.agents.filter((person): person is Agent => person.kind === 'agent');
    rememberPeople(agents);
    const suggestions = agents
      .slice(0, limit)
      .map((agent) => ({ agent, hint: mentionHint(conversation, agent.id) }));
    return { suggestions, total: Math.max(found.total, suggestions.length) };
  };

  const searchMentions: AsideStore['searchMentions'] = (conversationId, query, searchOptions) =>
    searchDirectory(conversationId, query, searchOptions);
  const searchAgents: AsideStore['searchAgents'] = (conversationId, query, searchOptions) =>
    searchDirectory(conversationId, query, searchOptions, 'internal-note');

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    openConversation,
    setMode,
    prepareReply: (conversationId) => setMode(conversationId, REPLY_MODE),
    setDraft,
    submit,
    addFollower,
    removeFollower,
    searchMentions,
    searchAgents,
    dismissToast: (toastId) =>
      patch({ notifications: inbox.dismissToast(state.notifications, toastId) }),
    markRead({ eventIds, conversationId }) {
      const ids = new Set(eventIds ?? []);
      patch({
        notifications: inbox.markRead(
          state.notifications,
          (event) => ids.has(event.id) || event.conversationId === conversationId,
        ),
      });
    },
    async retry() {
      // R18: nothing stays stuck after a failure: reload what failed, keep everything else.
      patch({ error: null });
      if (!state.currentAgent || !state.settings) await loadAgentAndSettings();
      const failed = Object.entries(state.conversations).filter(([, c]) => c.status === 'error');
      await Promise.all(failed.map(([id]) => loadConversation(id)));
    },
    clearError(conversationId) {
      if (conversationId === undefined) patch({ error: null });
      else {
        if (state.conversations[conversationId]?.error)
          patchConversation(conversationId, { error: null });
        if (state.composers[conversationId]?.error) patchComposer(conversationId, { error: null });
      }
    },
    destroy() {
      destroyed = true;
      for (const cleanup of cleanups) cleanup();
      for (const unsubscribe of conversationSubscriptions.values()) unsubscribe();
      conversationSubscriptions.clear();
      listeners.clear();
    },
  };
}
