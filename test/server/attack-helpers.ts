import { createAsideStore, type Message } from '@aside/core';
import { expect } from 'vitest';
import { type ApiResponse, api, clientFor } from './helpers';

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly ids: string[] };
}

let keySeq = 0;

/** A raw submit, as an attacker or a buggy client would send it (no adapter in between). */
export function postRaw(
  baseUrl: string,
  token: string,
  conversationId: string,
  body: unknown,
  key = `attack-${++keySeq}`,
): Promise<ApiResponse<ErrorBody & { message: Message }>> {
  return api(baseUrl, 'POST', `/conversations/${encodeURIComponent(conversationId)}/messages`, {
    token,
    headers: { 'Idempotency-Key': key },
    body,
  });
}

/** A 4xx with the PROTOCOL.md error shape: refused, never a 5xx. */
export function expectRefused(
  response: ApiResponse<Partial<ErrorBody>>,
  status: number,
  code?: string,
) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error).toMatchObject(code ? { code } : {});
}

/**
 * What any agent's client sees: `createAsideStore` over the HTTP adapter loads the conversation,
 * and no message in it is invalid (R20 would show a placeholder).
 */
export async function loadAsClient(
  baseUrl: string,
  agentId: string,
  conversationId: string,
): Promise<readonly Message[]> {
  const adapters = await clientFor(baseUrl, agentId);
  const store = createAsideStore({ adapters, currentAgentId: agentId });
  try {
    await store.ready;
    store.openConversation(conversationId);
    await expect
      .poll(() => store.getSnapshot().conversations[conversationId]?.status, { timeout: 10_000 })
      .toBe('ready');
    const state = store.getSnapshot().conversations[conversationId]!;
    expect(state.error).toBeNull();
    const messages = state.conversation!.messages;
    expect(messages.filter((message) => message.invalid)).toEqual([]);
    return messages;
  } finally {
    store.destroy();
    adapters.close();
  }
}
