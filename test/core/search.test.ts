import { type Agent, createMentionIndex, foldName } from '@aside/core';
import { generateAgents } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';
import { agent } from './helpers';

const directory = [
  agent('jane', 'Jane Doe'),
  agent('janek', 'Janek Nowak'),
  agent('jan', 'Jan Kowalski'),
  agent('zoe', 'Zoë Šimková'),
  agent('jose', 'José Álvarez'),
  agent('ada', 'Ada Janssen'),
  agent('mary', 'Mary Jane Watson'),
];
const names = (agents: Agent[]) => agents.map((a) => a.name);

describe('mention search', () => {
  const index = createMentionIndex(directory);

  it('R2: "@Jan" finds agents whose first, middle or last name starts with it', () => {
    expect(names(index.search('Jan')).sort()).toEqual(
      ['Ada Janssen', 'Jan Kowalski', 'Jane Doe', 'Janek Nowak', 'Mary Jane Watson'].sort(),
    );
  });

  it('is case- and accent-insensitive both ways', () => {
    expect(names(index.search('zoe'))).toEqual(['Zoë Šimková']);
    expect(names(index.search('ŠIM'))).toEqual(['Zoë Šimková']);
    expect(names(index.search('alva'))).toEqual(['José Álvarez']);
    expect(foldName('  Ångström ')).toBe('angstrom');
  });

  it('matches a full name with its space', () => {
    expect(names(index.search('jane d'))).toEqual(['Jane Doe']);
  });

  it('R2: ranks a whole name part first, then first names, then later name parts, alphabetically', () => {
    expect(names(index.search('jan'))).toEqual([
      'Jan Kowalski',
      'Jane Doe',
      'Janek Nowak',
      'Mary Jane Watson',
      'Ada Janssen',
    ]);
  });

  it('R2: people on the conversation and recent collaborators (preferIds) come before everyone', () => {
    const ranked = names(index.search('jan', { preferIds: ['ada', 'mary', 'zoe'] }));
    expect(ranked).toEqual([
      'Ada Janssen',
      'Mary Jane Watson',
      'Jan Kowalski',
      'Jane Doe',
      'Janek Nowak',
    ]);
  });

  it('returns each agent once and honours the limit', () => {
    expect(names(index.search('j', { limit: 3 }))).toHaveLength(3);
    const all = index.search('', { limit: 100 });
    expect(new Set(all.map((a) => a.id)).size).toBe(directory.length);
  });

  it('finds nobody for a prefix nobody has', () => {
    expect(index.search('qx')).toEqual([]);
  });

  it('agrees with a plain scan on a large generated directory', () => {
    const agents = generateAgents(5000, 7);
    const big = createMentionIndex(agents);
    for (const query of ['a', 'ja', 'zh', 'ren', 'o', 'søren', 'van d']) {
      const expected = agents.filter((a) => {
        const folded = foldName(a.name);
        return folded.startsWith(foldName(query)) || folded.includes(` ${foldName(query)}`);
      });
      const found = big.search(query, { limit: 10_000 });
      expect(new Set(found.map((a) => a.id))).toEqual(new Set(expected.map((a) => a.id)));
    }
  });
});
