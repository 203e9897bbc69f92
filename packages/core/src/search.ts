import type { Agent } from './types';

/** Lower-case and strip accents, so `@jose` finds "José" and `@zoe` finds "Zoë". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

export interface MentionSearchOptions {
  readonly limit?: number;
  /**
   * Ids ranked first when they match, in this order: the people on the conversation, then the
   * agent's recent collaborators.
   */
  readonly preferIds?: readonly string[];
}

export const DEFAULT_SUGGESTION_LIMIT = 8;

export interface MentionIndex {
  search(query: string, options?: MentionSearchOptions): Agent[];
  /**
   * How many agents match `query` in all, beyond any limit: the total a directory reports, so
   * a menu can say "12 more — keep typing". O(log n) however many match.
   */
  count(query: string): number;
  readonly size: number;
}

interface Key {
  readonly key: string;
  readonly agent: number;
}

const normalizeQuery = (query: string) => foldName(query).replace(/\s+/g, ' ');

const byKey = (a: Key, b: Key) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.agent - b.agent);

function lowerBound(keys: readonly Key[], query: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid]!.key < query) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** How many of `sorted` start with `prefix`: two binary searches. */
function countWithPrefix<T>(sorted: readonly T[], keyOf: (item: T) => string, prefix: string) {
  const firstIndex = (before: (key: string) => boolean) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(keyOf(sorted[mid]!))) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  return (
    firstIndex((key) => key < prefix || key.startsWith(prefix)) - firstIndex((key) => key < prefix)
  );
}

const commonPrefix = (a: string, b: string) => {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length++;
  return a.slice(0, length);
};

/**
 * Sorted keys (full name, and each later name part) so a prefix query is a binary search plus a
 * short walk: O(log n + limit) instead of a scan of the whole directory. Full names are also kept
 * on their own, so first-name matches rank before later-name matches at the same cost.
 */
export function createMentionIndex(agents: readonly Agent[]): MentionIndex {
  const folded = agents.map((agent) => foldName(agent.name));
  const keys: Key[] = [];
  const fullNames: Key[] = [];
  // count(): an agent whose keys share a prefix ("jan jansen", "jansen") is one agent, not two.
  // An agent's keys that start with a query are neighbours once sorted, so the extra ones are
  // the neighbouring pairs whose common prefix starts with it: counted like the keys.
  const sharedPrefixes: string[] = [];
  folded.forEach((full, agent) => {
    const parts = full.split(/\s+/);
    const own = [full];
    for (let i = 1; i < parts.length; i++) own.push(parts.slice(i).join(' '));
    for (const key of own) keys.push({ key, agent });
    fullNames.push({ key: full, agent });
    own.sort();
    for (let i = 1; i < own.length; i++) {
      const shared = commonPrefix(own[i - 1]!, own[i]!);
      if (shared) sharedPrefixes.push(shared);
    }
  });
  keys.sort(byKey);
  fullNames.sort(byKey);
  sharedPrefixes.sort();
  const byId = new Map(agents.map((agent, index) => [agent.id, index]));

  const matches = (index: number, query: string) => {
    const name = folded[index]!;
    return name.startsWith(query) || name.includes(` ${query}`);
  };

  return {
    size: agents.length,
    count(rawQuery) {
      const query = normalizeQuery(rawQuery);
      if (query === '') return agents.length;
      return (
        countWithPrefix(keys, (entry) => entry.key, query) -
        countWithPrefix(sharedPrefixes, (shared) => shared, query)
      );
    },
    search(rawQuery, { limit = DEFAULT_SUGGESTION_LIMIT, preferIds = [] } = {}) {
      const query = normalizeQuery(rawQuery);
      const picked = new Set<number>();
      const take = (index: number) => {
        if (picked.size < limit) picked.add(index);
      };
      // 1. the people on this conversation, then recent collaborators, who match by prefix
      for (const id of preferIds) {
        const index = byId.get(id);
        if (index !== undefined && matches(index, query)) take(index);
      }
      const start = lowerBound(keys, query);
      // 2. a whole name part equal to the query. A space sorts before any letter, so these
      //    keys ("jan", "jan kowalski") come first in the prefix range.
      const wholeWord = `${query} `;
      for (let i = start; i < keys.length && picked.size < limit; i++) {
        const key = keys[i]!.key;
        if (key !== query && !key.startsWith(wholeWord)) break;
        take(keys[i]!.agent);
      }
      // 3. first names that start with the query, alphabetically
      for (let i = lowerBound(fullNames, query); i < fullNames.length && picked.size < limit; i++) {
        if (!fullNames[i]!.key.startsWith(query)) break;
        take(fullNames[i]!.agent);
      }
      // 4. everyone else, alphabetically by the matching later name part
      for (let i = start; i < keys.length && picked.size < limit; i++) {
        const entry = keys[i]!;
        if (!entry.key.startsWith(query)) break;
        take(entry.agent);
      }
      return [...picked].map((index) => agents[index]!);
    },
  };
}
