import type {
  AsideAdapters,
  Channel,
  ConversationChange,
  ConversationPage,
  DirectorySearchResult,
  Draft,
  Message,
  MessagePage,
  Person,
  Settings,
} from '@aside/core';
import { createEventStream, type EventStream } from './event-stream';
import type { HttpAdapterOptions } from './options';
import { createRequester } from './request';

/** A line of the conversation list (`GET /conversations`); not part of the core adapters. */
export interface ConversationSummary {
  readonly id: string;
  readonly channel: Channel;
  readonly subject: string;
  readonly assigneeId: string | null;
  readonly version: number;
  readonly lastMessageAt: number | null;
}

export interface HttpAdapters extends AsideAdapters {
  /** The conversations the signed-in agent can view, for a host's list. */
  listConversations(options?: { signal?: AbortSignal }): Promise<readonly ConversationSummary[]>;
  /** The shared event stream (its last event id, how often it connected). */
  readonly stream: Pick<EventStream, 'lastEventId' | 'connections'>;
  /** Closes the event stream; pending requests still settle. */
  close(): void;
}

const path = (...parts: string[]) => parts.map((part) => `/${encodeURIComponent(part)}`).join('');

/** Every `@aside/core` adapter over the HTTP/SSE protocol in PROTOCOL.md. */
export function createHttpAdapters(options: HttpAdapterOptions): HttpAdapters {
  const request = createRequester(options);
  const stream = createEventStream(options);
  const withLimit = (limit: number | undefined, params = new URLSearchParams()) => {
    if (limit !== undefined) params.set('limit', String(limit));
    const query = params.toString();
    return query ? `?${query}` : '';
  };
  const followerChange = async (...args: Parameters<typeof request>) =>
    (await request<{ change: ConversationChange } | null>(...args))?.change as ConversationChange;
  const loadSettings = async (signal?: AbortSignal) =>
    (await request<{ settings: Settings }>('/settings', { signal })).settings;

  // Events may have been missed: each watched conversation's subscribers are told to load it
  // again, the settings are loaded again, then the host is told.
  stream.onResync(() => {
    for (const conversationId of stream.watchedConversations()) {
      stream.emitConversationEvent({ type: 'resync', conversationId });
    }
    loadSettings()
      .then(stream.emitSettings, (error: unknown) => options.onStreamError?.(error))
      .finally(() => options.onResync?.());
  });

  return {
    directory: {
      async search(query, { limit, signal, preferIds }) {
        const params = new URLSearchParams({ q: query, limit: String(limit) });
        if (preferIds?.length) params.set('prefer', preferIds.join(','));
        // `{ agents, total }` as sent: the store checks both where they enter the core.
        return request<DirectorySearchResult>(`/directory/search?${params}`, { signal });
      },
      async getPeople(ids, requestOptions) {
        if (ids.length === 0) return [];
        const { people } = await request<{ people: Person[] }>('/directory/people', {
          method: 'POST',
          body: { ids },
          signal: requestOptions?.signal,
        });
        return people;
      },
    },
    conversations: {
      load: (id, { signal, limit } = {}) =>
        request<ConversationPage>(`${path('conversations', id)}${withLimit(limit)}`, { signal }),
      loadOlder(id, cursor, { signal, limit } = {}) {
        const query = withLimit(limit, new URLSearchParams({ before: cursor }));
        return request<MessagePage>(`${path('conversations', id)}/messages${query}`, { signal });
      },
      subscribe: (id, onEvent) => stream.watchConversation(id, onEvent),
      async submitMessage(input, requestOptions) {
        const { conversationId, idempotencyKey, ...message } = input;
        return request<{ message: Message; change: ConversationChange }>(
          `${path('conversations', conversationId)}/messages`,
          {
            method: 'POST',
            body: message,
            headers: { 'Idempotency-Key': idempotencyKey },
            signal: requestOptions?.signal,
          },
        );
      },
      addFollower: (conversationId, agentId, { signal }) =>
        followerChange(`${path('conversations', conversationId)}/followers`, {
          method: 'POST',
          body: { agentId },
          signal,
        }),
      removeFollower: (conversationId, agentId, { signal }) =>
        followerChange(path('conversations', conversationId, 'followers', agentId), {
          method: 'DELETE',
          signal,
        }),
    },
    notifications: {
      // The server sends only the signed-in agent's events, whoever `agentId` names.
      subscribe: (_agentId, onEvent) => stream.onNotification(onEvent),
      // The server routes notifications itself (same ids as the core's), so nothing to send.
      publish: async () => {},
    },
    settings: {
      load: (requestOptions) => loadSettings(requestOptions?.signal),
      subscribe: (onChange) => stream.onSettings(onChange),
    },
    drafts: {
      async load(key) {
        const { draft } = await request<{ draft: Draft | null }>(path('drafts', key));
        return draft;
      },
      async save(key, draft) {
        await request<void>(path('drafts', key), { method: 'PUT', body: { draft } });
      },
      async remove(key) {
        await request<void>(path('drafts', key), { method: 'DELETE' });
      },
    },
    async listConversations(requestOptions) {
      const { conversations } = await request<{ conversations: ConversationSummary[] }>(
        '/conversations',
        { signal: requestOptions?.signal },
      );
      return conversations;
    },
    stream,
    close: () => stream.close(),
  };
}
