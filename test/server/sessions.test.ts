import { demoAgents } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';
import { api, tokenFor, useTestServer } from './helpers';
import { openStream } from './sse';

const { sam, jane } = demoAgents;
const MINUTE = 60_000;

describe('demo sessions expire and their cookie is locked down (PROTOCOL.md "Authentication")', () => {
  let now = Date.UTC(2026, 0, 1);
  const t = useTestServer({
    now: () => now,
    sessions: { idleMs: 30 * MINUTE, absoluteMs: 120 * MINUTE },
    // Re-checks the session on every keep-alive, so a test sees a stream end soon after.
    liveEvents: { pingMs: 50 },
  });

  const signedIn = async (token: string) =>
    (await api(t.baseUrl, 'GET', '/session', { token })).status;

  it('a session unused for the idle time ends; using it keeps it alive', async () => {
    const token = await tokenFor(t.baseUrl, sam.id);
    now += 29 * MINUTE;
    expect(await signedIn(token)).toBe(200);
    now += 29 * MINUTE;
    expect(await signedIn(token)).toBe(200);
    now += 30 * MINUTE;
    expect(await signedIn(token)).toBe(401);
    // Gone for good: no later clock makes it valid again.
    now -= 10 * MINUTE;
    expect(await signedIn(token)).toBe(401);
  });

  it('a session ends at its absolute lifetime however much it is used', async () => {
    const token = await tokenFor(t.baseUrl, sam.id);
    for (let used = 0; used < 5; used++) {
      now += 20 * MINUTE;
      expect(await signedIn(token)).toBe(200);
    }
    now += 20 * MINUTE;
    expect(await signedIn(token)).toBe(401);
  });

  it('the cookie is HttpOnly, SameSite=Strict, lives as long as the session, and Secure behind HTTPS', async () => {
    const signIn = (headers: Record<string, string> = {}) =>
      fetch(`${t.baseUrl}/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ agentId: sam.id }),
      });
    const plain = (await signIn()).headers.getSetCookie()[0] ?? '';
    expect(plain).toMatch(/^aside_session=/);
    expect(plain).toMatch(/; HttpOnly/);
    expect(plain).toMatch(/; SameSite=Strict/);
    expect(plain).toMatch(/; Max-Age=7200/);
    expect(plain).not.toMatch(/; Secure/);
    const proxied = (await signIn({ 'X-Forwarded-Proto': 'https' })).headers.getSetCookie()[0];
    expect(proxied).toMatch(/; Secure/);
  });

  it('the event stream of a session that ends (signed out) is closed', async () => {
    const token = await tokenFor(t.baseUrl, jane.id);
    const stream = await openStream(t.baseUrl, { token });
    await stream.next((event) => event.event === 'ready');
    expect((await api(t.baseUrl, 'DELETE', '/session', { token })).status).toBe(204);
    await stream.ended;
    expect(await signedIn(token)).toBe(401);
  });
});

describe('a host plugs in its own authentication', () => {
  // E.g. a header set by the host's auth proxy, or its own session cookie, verified here.
  const t = useTestServer({
    authenticate: (request) => request.headers.get('X-Host-Agent'),
  });

  it('its authenticate decides who the agent is, and the demo sign-in is off', async () => {
    const me = await fetch(`${t.baseUrl}/session`, { headers: { 'X-Host-Agent': jane.id } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { agent: { id: string } }).agent.id).toBe(jane.id);
    expect((await fetch(`${t.baseUrl}/conversations`)).status).toBe(401);
    expect(
      (await fetch(`${t.baseUrl}/conversations`, { headers: { 'X-Host-Agent': 'user-janet' } }))
        .status,
    ).toBe(401);
    const demo = await api(t.baseUrl, 'POST', '/session', { body: { agentId: sam.id } });
    expect(demo.status).toBe(404);
  });
});
