import type { Agent } from '@aside/core';
import type { HttpAdapterOptions } from './options';
import { createRequester } from './request';

export interface Session {
  /** Send as `Authorization: Bearer <token>` where cookies are not an option. */
  readonly token: string;
  readonly agent: Agent;
}

/** The reference server's demo sign-in (`POST /session`); a real host brings its own login. */
export function signIn(
  options: Pick<HttpAdapterOptions, 'baseUrl' | 'fetch' | 'credentials' | 'timeoutMs'>,
  agentId: string,
): Promise<Session> {
  return createRequester(options)<Session>('/session', { method: 'POST', body: { agentId } });
}

export async function signOut(
  options: Pick<HttpAdapterOptions, 'baseUrl' | 'fetch' | 'credentials' | 'headers'>,
): Promise<void> {
  await createRequester(options)<void>('/session', { method: 'DELETE' });
}
