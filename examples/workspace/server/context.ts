import type { Agent } from '@aside/core';
import type { Authenticate } from './auth';
import type { Database } from './database';
import type { EventHub } from './event-hub';

export interface ServerContext {
  readonly db: Database;
  readonly hub: EventHub;
  /** The host's authentication, when it replaces the demo sign-in. */
  readonly authenticate: Authenticate | undefined;
  readonly sessions: { readonly idleMs: number; readonly absoluteMs: number };
  /** Limits of each SSE client: bytes it may leave unread, and the keep-alive interval. */
  readonly stream: { readonly maxQueuedBytes: number; readonly pingMs: number };
  /** Milliseconds since the epoch; a test clock in tests. */
  readonly now: () => number;
}

export type AppEnv = {
  Variables: {
    agent: Agent;
    /** The demo session's token (absent with a host's `authenticate`). */
    token: string;
    /** Whether the session that opened this request still holds (e.g. for the event stream). */
    stillSignedIn: () => Promise<boolean>;
  };
};
