import type { Agent } from '@aside/core';
import type { Database } from './database';
import type { EventHub } from './events';

export interface ServerContext {
  readonly db: Database;
  readonly hub: EventHub;
}

export type AppEnv = { Variables: { agent: Agent; token: string } };
