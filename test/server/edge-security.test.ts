import { demoAgents } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../examples/workspace/server';
import { api, note, tokenFor, useTestServer } from './helpers';

const { sam, jamie } = demoAgents;
const EVIL = 'https://evil.example';

/** What the attacks in issue 10 send, refused at the edge with PROTOCOL.md's error shape. */
describe('the server edge refuses hostile requests (PROTOCOL.md "Security")', () => {
  const t = useTestServer({
    // As main.ts does: the built app answers every other path.
    extend: ({ app }) => app.get('*', (c) => c.html('<!doctype html><div id="root"></div>')),
  });
  let token: string;
  let cookie: string;

  beforeAll(async () => {
    token = await tokenFor(t.baseUrl, sam.id);
    const signIn = await fetch(`${t.baseUrl}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ agentId: sam.id }),
    });
    cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  });

  const raw = (path: string, init: RequestInit) => fetch(`${t.baseUrl}${path}`, init);
  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string; ids: string[] } }).error;
  const followersOf = async (id: string) =>
    (
      await api<{ conversation: { followerIds: string[] } }>(
        t.baseUrl,
        'GET',
        `/conversations/${id}`,
        {
          token,
        },
      )
    ).body.conversation.followerIds;

  it('CSRF: cookie + text/plain + foreign Origin to POST …/followers is 403 and adds no one', async () => {
    const forged = {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'Content-Type': 'text/plain',
        Origin: EVIL,
        'Sec-Fetch-Site': 'cross-site',
      },
      body: JSON.stringify({ agentId: jamie.id }),
    };
    const response = await raw('/conversations/conv-refund/followers', forged);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ code: 'forbidden', ids: [] });
    expect(await followersOf('conv-refund')).not.toContain(jamie.id);

    // The same cookie from the app's own origin gets past CSRF: only the content type stops it…
    const sameOrigin = await raw('/conversations/conv-refund/followers', {
      ...forged,
      headers: {
        ...forged.headers,
        Origin: new URL(t.baseUrl).origin,
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    expect(sameOrigin.status).toBe(415);
    // …and as JSON it works, so the cookie itself is a valid session.
    const json = await raw('/conversations/conv-refund/followers', {
      ...forged,
      headers: {
        ...forged.headers,
        'Content-Type': 'application/json',
        Origin: new URL(t.baseUrl).origin,
        'Sec-Fetch-Site': 'same-origin',
      },
    });
    expect(json.status).toBe(200);
    expect(await followersOf('conv-refund')).toContain(jamie.id);
    await api(t.baseUrl, 'DELETE', `/conversations/conv-refund/followers/${jamie.id}`, { token });
  });

  it('CSRF: a cross-site sign-in (login CSRF) is 403 and sets no cookie', async () => {
    const response = await raw('/session', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' },
      body: JSON.stringify({ agentId: jamie.id }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await errorOf(response)).code).toBe('forbidden');
  });

  it('writes are JSON only: another content type is 415', async () => {
    const response = await raw('/drafts/conv-refund%3Ainternal-note', {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'draft=1',
    });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe('bad-request');
  });

  it(`a 10 MB note or draft is 413 (bodies are limited to ${MAX_BODY_BYTES} bytes) and nothing is stored`, async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const message = await api(t.baseUrl, 'POST', '/conversations/conv-refund/messages', {
      token,
      headers: { 'Idempotency-Key': 'huge-note' },
      body: note(huge),
    });
    expect(message.status).toBe(413);
    expect(message.body).toMatchObject({ error: { code: 'bad-request', ids: [] } });
    const draft = await api(t.baseUrl, 'PUT', '/drafts/huge', {
      token,
      body: { draft: { doc: { type: 'doc' }, text: huge, updatedAt: 1 } },
    });
    expect(draft.status).toBe(413);
    expect((await api(t.baseUrl, 'GET', '/drafts/huge', { token })).body).toEqual({ draft: null });

    // Without Content-Length (chunked), the limit holds as the body streams in.
    const chunk = new TextEncoder().encode('x'.repeat(256 * 1024));
    let sent = 0;
    const chunked = await raw('/drafts/huge', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: new ReadableStream({
        pull(controller) {
          if (sent++ < 40) controller.enqueue(chunk);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('100k-deep JSON is 400 before anything recurses; the server keeps serving', async () => {
    const depth = 100_000;
    const deep = `{"kind":"internal-note","text":"x","mentionIds":[],"addFollowerIds":[],"body":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await raw('/conversations/conv-refund/messages', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'deep',
      },
      body: deep,
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      code: 'bad-request',
      message: /deeper than 64/,
    });
    const nested65 = `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`;
    const settings = await raw('/settings', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: nested65,
    });
    expect(settings.status).toBe(400);
    expect((await api(t.baseUrl, 'GET', '/session', { token })).status).toBe(200);
  });

  it('malformed JSON, NUL in ids or text, and lone surrogates are 400, never 500', async () => {
    const send = (method: string, path: string, body?: string) =>
      raw(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Idempotency-Key': `nul-${path}-${body?.length}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
      });
    const cases: [string, string, string | undefined][] = [
      ['POST', '/conversations/conv-refund/followers', '{"agentId": "agent-'],
      ['POST', '/conversations/conv-refund/followers', '{"agentId":"agent-\\u0000jamie"}'],
      ['POST', '/conversations/conv%00refund/followers', JSON.stringify({ agentId: jamie.id })],
      ['DELETE', `/conversations/conv-refund/followers/agent%00jamie`, undefined],
      ['GET', '/conversations/conv%00refund', undefined],
      ['PUT', '/drafts/key%00', JSON.stringify({ draft: { doc: {}, text: 'x', updatedAt: 1 } })],
      ['POST', '/conversations/conv-refund/messages', JSON.stringify(note('before\u0000after'))],
      ['POST', '/conversations/conv-refund/messages', JSON.stringify(note('\ud800 lone'))],
      ['POST', '/directory/people', '{"ids":["agent-sam"],"\\u0000":1}'],
      ['GET', '/events?conversations=conv-refund%00', undefined],
    ];
    for (const [method, path, body] of cases) {
      const response = await send(method, path, body);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 400 });
      expect((await errorOf(response)).code).toBe('bad-request');
    }
  });

  it('an unknown /api path is a JSON 404 for every method, never the app page', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await raw('/no-such-thing', {
        method,
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect((await errorOf(response)).code).toBe('not-found');
    }
    const page = await fetch(`${t.server.url}/conversations/conv-refund`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('security headers on the API and on the app: CSP without inline script, no framing, nosniff, no referrer', async () => {
    for (const url of [`${t.baseUrl}/session`, `${t.server.url}/`]) {
      const { headers } = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const csp = headers.get('Content-Security-Policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('X-Frame-Options')).toBe('DENY');
      expect(headers.get('Referrer-Policy')).toBe('no-referrer');
    }
  });
});
