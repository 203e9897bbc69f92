import { foldName } from '@aside/core';
import { demoAgents, demoDirectory } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, clientFor, tokenFor, useTestServer } from './helpers';

interface SearchBody {
  agents: { id: string; name: string }[];
  total: number;
}

// The reference server seeds demoDirectory(): count the matches by a plain scan of it.
const matching = (query: string) =>
  demoDirectory().filter((agent) => {
    const name = foldName(agent.name);
    return name.startsWith(query) || name.includes(` ${query}`);
  }).length;

describe('GET /directory/search: the total behind "N more — keep typing" (PROTOCOL.md)', () => {
  const t = useTestServer();
  let token: string;
  beforeAll(async () => {
    token = await tokenFor(t.baseUrl, demoAgents.sam.id);
  });

  const search = (params: string) =>
    api<SearchBody>(t.baseUrl, 'GET', `/directory/search?${params}`, { token });

  it('R2: reports how many agents match in all, beyond the limit', async () => {
    const expected = matching('ja');
    expect(expected).toBeGreaterThan(8);
    const limited = await search('q=ja&limit=8');
    expect(limited.status).toBe(200);
    expect(limited.body.agents).toHaveLength(8);
    expect(limited.body.total).toBe(expected);
    // The same total whatever the limit, and every match fits in a large enough page.
    const all = await search('q=ja&limit=50');
    expect(all.body.total).toBe(expected);
    expect(all.body.agents).toHaveLength(Math.min(50, expected));
  });

  it('R17: @aside/adapter-http hands the total to the store as the server sent it', async () => {
    const client = await clientFor(t.baseUrl, demoAgents.sam.id);
    const found = await client.directory.search('ja', { limit: 8 });
    expect(found.agents).toHaveLength(8);
    expect(found.total).toBe(matching('ja'));
  });

  it('R2: typing more narrows the total; nobody matches, the total is 0', async () => {
    const narrower = await search('q=jamie%20o&limit=8');
    expect(narrower.body.total).toBe(matching('jamie o'));
    expect(narrower.body.total).toBeLessThan(matching('ja'));
    expect(narrower.body.agents.map((agent) => agent.name)).toContain('Jamie Okafor');
    expect((await search('q=qxz&limit=8')).body).toEqual({ agents: [], total: 0 });
  });

  it('R17: without a limit, the default of 8 applies', async () => {
    const response = await search('q=ja');
    expect(response.status).toBe(200);
    expect(response.body.agents).toHaveLength(8);
  });

  it.each([['0'], ['51'], ['-1'], ['2.5'], ['ten'], [''], ['1e1']])(
    'R19: a bad limit (%j) is refused with 400 bad-request, never clamped',
    async (limit) => {
      const response = await api<{ error: { code: string; message: string } }>(
        t.baseUrl,
        'GET',
        `/directory/search?q=ja&limit=${encodeURIComponent(limit)}`,
        { token },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('bad-request');
      expect(response.body.error.message).toMatch(/limit/);
    },
  );
});
