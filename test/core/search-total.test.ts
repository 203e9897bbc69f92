import {
  type Agent,
  type AsideAdapters,
  createAsideStore,
  createMentionIndex,
  foldName,
} from '@aside/core';
import { createMemoryBackend, generateAgents } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';
import { agent, demoAgents, settle, setup } from './helpers';

/** A plain scan: how many agents a query matches (any name part starts with it). */
const scanCount = (agents: readonly Agent[], query: string) =>
  agents.filter((a) => {
    const name = foldName(a.name);
    const q = foldName(query);
    return name.startsWith(q) || name.includes(` ${q}`);
  }).length;

const jamals = Array.from({ length: 12 }, (_, index) =>
  agent(`jamal-${index}`, `Jamal Abbott${index}`),
);

describe('the total behind "N more — keep typing"', () => {
  it('R2: the index counts every matching agent once, beyond any limit', () => {
    const index = createMentionIndex([
      agent('jan', 'Jan Jansen'), // two matching name parts, one agent
      agent('jane', 'Jane Doe'),
      agent('mary', 'Mary Jane Watson'),
      agent('zoe', 'Zoë Šimková'),
      agent('ann', 'Ann Anna Annika'), // three parts that share "ann"
    ]);
    expect(index.search('jan', { limit: 2 })).toHaveLength(2);
    expect(index.count('jan')).toBe(3);
    expect(index.count('JAN ')).toBe(3);
    expect(index.count('sim')).toBe(1);
    expect(index.count('qx')).toBe(0);
    expect(index.count('ann')).toBe(1);
    expect(index.count('anna')).toBe(1);
    expect(index.count('a')).toBe(1);
    expect(index.count('')).toBe(5);
  });

  it('R2: the count agrees with a plain scan on a large generated directory', () => {
    const agents = generateAgents(5000, 11);
    const index = createMentionIndex(agents);
    // Every 1–4 letter prefix of every name part of every 100th agent, and a few by hand.
    const queries = new Set(['a', 'ja', 'jam', 'van d', 'søren', 'o', 'zz', 'qx']);
    for (let i = 0; i < agents.length; i += 100) {
      for (const part of foldName(agents[i]!.name).split(' ')) {
        for (let length = 1; length <= 4; length++) queries.add(part.slice(0, length));
      }
    }
    const names = agents.map((a) => foldName(a.name));
    for (const query of queries) {
      const scanned = names.filter((n) => n.startsWith(query) || n.includes(` ${query}`)).length;
      expect(index.count(query), query).toBe(scanned);
    }
    expect(index.count('ja')).toBe(index.search('ja', { limit: 10_000 }).length);
  });

  it('R2, R17: the in-memory directory and the store report the total beyond the limit of 8', async () => {
    const agents = [...Object.values(demoAgents), ...jamals];
    const { store, backend, conversationId } = await setup({ agents });
    const direct = await backend
      .adaptersFor(demoAgents.sam.id)
      .directory.search('Jam', { limit: 8 });
    expect(direct.agents).toHaveLength(8);
    expect(direct.total).toBe(scanCount(agents, 'Jam'));
    expect(direct.total).toBeGreaterThan(8);

    store.setMode(conversationId, 'internal-note');
    const wide = await store.searchMentions(conversationId, 'Jam');
    expect(wide.suggestions).toHaveLength(8);
    expect(wide.total).toBe(scanCount(agents, 'Jam'));
    // Typing more narrows it until every match is shown.
    const narrow = await store.searchMentions(conversationId, 'Jamal Abbott1');
    expect(narrow.total).toBe(3); // Abbott1, Abbott10, Abbott11
    expect(narrow.suggestions).toHaveLength(3);
    // The Add follower search reports it the same way.
    expect((await store.searchAgents(conversationId, 'Jam')).total).toBe(wide.total);
  });

  async function storeWith(search: AsideAdapters['directory']['search']) {
    const adapters = createMemoryBackend().adaptersFor(demoAgents.sam.id);
    const store = createAsideStore({
      adapters: { ...adapters, directory: { ...adapters.directory, search } },
      currentAgentId: demoAgents.sam.id,
    });
    await store.ready;
    store.openConversation('conv-refund');
    store.setMode('conv-refund', 'internal-note');
    await settle();
    return store;
  }

  it('R18: a directory that sends no count, or a bad one, gets a clear error', async () => {
    for (const total of [undefined, -1, 2.5, '9']) {
      const store = await storeWith(async () => ({ agents: [demoAgents.jane], total }) as never);
      await expect(store.searchMentions('conv-refund', 'Jan')).rejects.toMatchObject({
        code: 'invalid-adapter-data',
        message: expect.stringMatching(/directory\.search .*total/),
      });
    }
    // The former shape (a bare list) is refused just as clearly.
    const legacy = await storeWith(async () => [demoAgents.jane] as never);
    await expect(legacy.searchMentions('conv-refund', 'Jan')).rejects.toMatchObject({
      code: 'invalid-adapter-data',
    });
  });

  it('R2: a total below what the directory returned is raised to it, never "-1 more"', async () => {
    const store = await storeWith(async () => ({
      agents: [demoAgents.jane, demoAgents.jamie],
      total: 0,
    }));
    const { suggestions, total } = await store.searchMentions('conv-refund', 'Ja');
    expect(suggestions).toHaveLength(2);
    expect(total).toBe(2);
  });
});
