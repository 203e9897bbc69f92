import type { ConversationEvent, NotificationEvent, Settings, Unsubscribe } from '@aside/core';
import {
  DEFAULT_MAX_RECONNECT_MS,
  DEFAULT_MIN_RECONNECT_MS,
  type HttpAdapterOptions,
  joinUrl,
  resolveHeaders,
} from './options';
import { httpError } from './request';
import { createSseParser, type ServerSentEvent } from './sse-parser';

export interface EventStream {
  watchConversation(id: string, listener: (event: ConversationEvent) => void): Unsubscribe;
  onNotification(listener: (event: NotificationEvent) => void): Unsubscribe;
  onSettings(listener: (settings: Settings) => void): Unsubscribe;
  /**
   * Told when the server could not resume from the last event id (PROTOCOL.md "Resync"): events
   * may have been missed, so state the client holds must be loaded again.
   */
  onResync(listener: () => void): Unsubscribe;
  /** The ids of the conversations watched now. */
  watchedConversations(): readonly string[];
  /** Hands an event to the watchers of its conversation (a `resync` after the stream's). */
  emitConversationEvent(event: ConversationEvent): void;
  /** Hands settings loaded outside the stream to their watchers (after a resync). */
  emitSettings(settings: Settings): void;
  /** The id of the last event received; a reconnect resumes after it. */
  readonly lastEventId: string | null;
  /** Open connections so far (1 + reconnects); for diagnostics and tests. */
  readonly connections: number;
  close(): void;
}

const listenersOf = <K, T>(map: Map<K, Set<T>>, key: K) => {
  const set = map.get(key) ?? new Set<T>();
  map.set(key, set);
  return set;
};

/** An id at or below the last one seen is a replay: it was delivered already. */
const isReplay = (id: string, last: string | null) =>
  last !== null && /^\d+$/.test(id) && /^\d+$/.test(last) && BigInt(id) <= BigInt(last);

/**
 * One Server-Sent Events connection shared by every subscription (PROTOCOL.md "Live events").
 * Read over `fetch`, unlike `EventSource`, so the host's auth headers travel with it. It opens
 * with the first listener, closes with the last, reconnects with backoff after a drop, and
 * resumes from the last event id so nothing is lost or delivered twice.
 */
export function createEventStream(options: HttpAdapterOptions): EventStream {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const minDelay = options.reconnect?.minDelayMs ?? DEFAULT_MIN_RECONNECT_MS;
  const maxDelay = options.reconnect?.maxDelayMs ?? DEFAULT_MAX_RECONNECT_MS;

  const conversationListeners = new Map<string, Set<(event: ConversationEvent) => void>>();
  const notificationListeners = new Set<(event: NotificationEvent) => void>();
  const settingsListeners = new Set<(settings: Settings) => void>();
  const resyncListeners = new Set<() => void>();

  let lastEventId: string | null = null;
  let connections = 0;
  let closed = false;
  let watchedKey: string | null = null;
  let current: AbortController | null = null;
  let syncQueued = false;

  const watched = () => [...conversationListeners.keys()].sort();
  const hasListeners = () =>
    conversationListeners.size > 0 || notificationListeners.size > 0 || settingsListeners.size > 0;

  const emitConversationEvent = (event: ConversationEvent) => {
    for (const listener of [...(conversationListeners.get(event.conversationId) ?? [])]) {
      listener(event);
    }
  };

  /** `ready` names the version of each watched conversation: a client that holds less reloads. */
  const emitVersions = (versions: unknown) => {
    if (typeof versions !== 'object' || versions === null) return;
    for (const [conversationId, version] of Object.entries(versions)) {
      emitConversationEvent({ type: 'current-version', conversationId, version });
    }
  };

  const emitSettings = (settings: Settings) => {
    for (const listener of [...settingsListeners]) listener(settings);
  };

  const dispatch = (message: ServerSentEvent) => {
    if (message.event === 'resync') {
      // The server could not resume from our id (it is unknown there): start again from the
      // id it gives, even a lower one, and reload what we hold.
      if (message.id !== undefined) lastEventId = message.id;
      for (const listener of [...resyncListeners]) listener();
      return;
    }
    if (message.id !== undefined) {
      // `ready` is never a replay: its versions hold on every connection, resumed or not.
      const replay = isReplay(message.id, lastEventId);
      if (replay && message.event !== 'ready') return;
      if (!replay) lastEventId = message.id;
    }
    if (message.event === 'ready' && message.data.trim() === '') return;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(message.data) as Record<string, unknown>;
    } catch (error) {
      options.onStreamError?.(error);
      return;
    }
    if (message.event === 'ready') {
      emitVersions(data?.versions);
    } else if (message.event === 'change') {
      // Checked by the store where it enters (R17); only the routing field is read here.
      const change = data?.change as ConversationEvent | undefined;
      if (typeof change?.conversationId === 'string') emitConversationEvent(change);
      else options.onStreamError?.(new Error('A change event without a conversationId'));
    } else if (message.event === 'notification') {
      const event = data.notification as NotificationEvent;
      for (const listener of [...notificationListeners]) listener(event);
    } else if (message.event === 'settings') {
      emitSettings(data.settings as Settings);
    }
  };

  /** Reads one connection until it ends; resolves `true` once the server said `ready`. */
  const connectOnce = async (controller: AbortController, ids: readonly string[]) => {
    const headers = await resolveHeaders(options.headers);
    headers.set('Accept', 'text/event-stream');
    if (lastEventId !== null) headers.set('Last-Event-ID', lastEventId);
    const query = new URLSearchParams({ conversations: ids.join(',') });
    const response = await fetchImpl(joinUrl(options.baseUrl, `/events?${query}`), {
      headers,
      credentials: options.credentials ?? 'same-origin',
      signal: controller.signal,
      cache: 'no-store',
    });
    if (!response.ok || !response.body) {
      throw httpError('GET /events', response.status, await response.json().catch(() => null));
    }
    connections++;
    let ready = false;
    const parser = createSseParser((message) => {
      if (message.event === 'ready') ready = true;
      dispatch(message);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return ready;
        parser.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  };

  const wait = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  const run = async (controller: AbortController, ids: readonly string[]) => {
    let failures = 0;
    while (!controller.signal.aborted) {
      try {
        const wasReady = await connectOnce(controller, ids);
        if (wasReady) failures = 0;
        if (!controller.signal.aborted)
          options.onStreamError?.(new Error('The event stream ended'));
      } catch (error) {
        if (controller.signal.aborted) return;
        options.onStreamError?.(error);
      }
      failures++;
      const ceiling = Math.min(maxDelay, minDelay * 2 ** (failures - 1));
      await wait(ceiling / 2 + (Math.random() * ceiling) / 2, controller.signal);
    }
  };

  const sync = () => {
    syncQueued = false;
    if (closed || !hasListeners()) {
      current?.abort();
      current = null;
      watchedKey = null;
      return;
    }
    const ids = watched();
    const key = ids.join(',');
    if (current && key === watchedKey) return;
    // Watching another set of conversations: reconnect from the last id, losing nothing.
    current?.abort();
    watchedKey = key;
    const controller = new AbortController();
    current = controller;
    void run(controller, ids);
  };

  const scheduleSync = () => {
    if (syncQueued) return;
    syncQueued = true;
    queueMicrotask(sync);
  };

  const add = <T>(set: Set<T>, listener: T): Unsubscribe => {
    set.add(listener);
    scheduleSync();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      set.delete(listener);
      scheduleSync();
    };
  };

  return {
    watchConversation(id, listener) {
      const set = listenersOf(conversationListeners, id);
      const unsubscribe = add(set, listener);
      return () => {
        unsubscribe();
        if (set.size === 0 && conversationListeners.get(id) === set) {
          conversationListeners.delete(id);
        }
      };
    },
    onNotification: (listener) => add(notificationListeners, listener),
    onSettings: (listener) => add(settingsListeners, listener),
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    watchedConversations: () => watched(),
    emitConversationEvent,
    emitSettings,
    get lastEventId() {
      return lastEventId;
    },
    get connections() {
      return connections;
    },
    close() {
      closed = true;
      scheduleSync();
    },
  };
}
