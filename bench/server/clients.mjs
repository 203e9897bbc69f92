// Raw HTTP and SSE clients for the server benchmark: what any client would send.
import http from 'node:http';

export async function api(baseUrl, method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...headers,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export async function signIn(baseUrl, agentId) {
  const { status, body } = await api(baseUrl, 'POST', '/session', { body: { agentId } });
  if (status !== 200) throw new Error(`sign-in ${agentId}: ${status}`);
  return body.token;
}

export const note = (text) => ({
  kind: 'internal-note',
  body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
  text,
  mentionIds: [],
  addFollowerIds: [],
});

let keys = 0;
export async function postNote(baseUrl, token, conversationId, text) {
  const { status, body } = await api(baseUrl, 'POST', `/conversations/${conversationId}/messages`, {
    token,
    headers: { 'Idempotency-Key': `bench-${process.pid}-${++keys}` },
    body: note(text),
  });
  if (status !== 201)
    throw new Error(`post into ${conversationId}: ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * An SSE connection over node:http. `onData(text, bytes)` sees every chunk; `ready` resolves
 * on the `ready` event. `paused`: never reads (a slow client).
 */
export function openSse(baseUrl, { token, conversations = [], paused = false, onData = () => {} }) {
  const url = new URL(`${baseUrl}/events?conversations=${conversations.join(',')}`);
  let request;
  const ready = new Promise((resolve, reject) => {
    request = http.get(
      url,
      { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, agent: false },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`events: ${response.statusCode}`));
        if (paused) {
          response.pause();
          resolve();
          return;
        }
        response.setEncoding('utf8');
        let seenReady = false;
        response.on('data', (text) => {
          if (!seenReady && text.includes('event: ready')) {
            seenReady = true;
            resolve();
          }
          onData(text, Buffer.byteLength(text));
        });
        response.on('error', () => {});
      },
    );
    request.on('error', (error) => (paused ? undefined : reject(error)));
  });
  return { ready, close: () => request.destroy() };
}

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `check` (bounded): a benchmark that cannot finish fails instead of hanging. */
export async function until(check, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
}
