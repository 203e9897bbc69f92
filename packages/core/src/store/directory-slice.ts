import { AsideError, toAsideError } from '../errors';
import { canMention, mentionHint } from '../policy';
import { DEFAULT_SUGGESTION_LIMIT } from '../search';
import type { Agent, ComposerMode, Person } from '../types';
import { parseAgents, parseDirectorySearch, parsePeople, parseSettings } from '../validate';
import type { StoreKernel } from './kernel';
import { createRecentCollaborators } from './recent-collaborators';
import type { AsideStore, MentionSearchResult } from './store-api';

const abortError = () =>
  Object.assign(new Error('The search was cancelled'), { name: 'AbortError' });

type SearchOptions = Parameters<AsideStore['searchMentions']>[2];

/** People, the current agent, the settings, and the directory searches behind @mentions. */
export function createDirectorySlice(kernel: StoreKernel) {
  const { adapters, currentAgentId, patch } = kernel;
  const recent = createRecentCollaborators(currentAgentId);

  const rememberPeople = (people: readonly Person[]) => {
    const known = kernel.state().people;
    const fresh = people.filter((person) => known[person.id] !== person);
    if (fresh.length === 0) return;
    const next = { ...known };
    for (const person of fresh) next[person.id] = person;
    patch({ people: next });
  };

  const fetchMissingPeople = async (ids: readonly string[]) => {
    const missing = ids.filter((id) => !kernel.state().people[id]);
    if (missing.length === 0) return;
    try {
      rememberPeople(
        parsePeople(await adapters.directory.getPeople(missing), 'directory.getPeople'),
      );
    } catch (error) {
      patch({ error: toAsideError(error, 'Could not load people') });
    }
  };

  const loadAgentAndSettings = async () => {
    try {
      const [people, settings] = await Promise.all([
        adapters.directory.getPeople([currentAgentId]),
        adapters.settings.load(),
      ]);
      const [me] = parseAgents(
        parsePeople(people, 'directory.getPeople').filter((person) => person.id === currentAgentId),
        'directory.getPeople',
      );
      if (!me)
        throw new AsideError(
          'not-found',
          `The current agent ${currentAgentId} is not in the directory`,
        );
      rememberPeople([me]);
      patch({ currentAgent: me, settings: parseSettings(settings, 'settings.load') });
    } catch (error) {
      patch({ error: toAsideError(error, 'Could not load the current agent and settings') });
    }
  };

  if (adapters.settings.subscribe) {
    kernel.cleanups.push(
      adapters.settings.subscribe((settings) => {
        try {
          patch({ settings: parseSettings(settings, 'settings.subscribe') });
        } catch (error) {
          patch({ error: toAsideError(error, 'Invalid settings') });
        }
      }),
    );
  }

  // ---- mention search (R2, R5) ----
  const searchDirectory = async (
    conversationId: string,
    query: string,
    searchOptions: SearchOptions = {},
    mode: ComposerMode = kernel.composerOf(conversationId).mode,
  ): Promise<MentionSearchResult> => {
    const { agent, settings, conversation } = kernel.requireContext(conversationId);
    const decision = canMention(agent, conversation, settings, mode);
    if (!decision.allowed) {
      throw new AsideError(
        'mentions-unavailable',
        `@mentions are unavailable here (${decision.reason})`,
      );
    }
    const { signal, limit = DEFAULT_SUGGESTION_LIMIT } = searchOptions;
    const preferIds = [
      ...(conversation.assigneeId ? [conversation.assigneeId] : []),
      ...conversation.followerIds,
      ...recent.list(),
    ];
    const raw = await adapters.directory.search(query, {
      limit,
      preferIds,
      ...(signal ? { signal } : {}),
    });
    if (signal?.aborted) throw abortError();
    const found = parseDirectorySearch(raw, 'directory.search');
    // R5: whatever the directory returns, only agents are offered.
    const agents = found.agents.filter((person): person is Agent => person.kind === 'agent');
    rememberPeople(agents);
    const suggestions = agents
      .slice(0, limit)
      .map((agent) => ({ agent, hint: mentionHint(conversation, agent.id) }));
    return { suggestions, total: Math.max(found.total, suggestions.length) };
  };

  const searches: Pick<AsideStore, 'searchMentions' | 'searchAgents'> = {
    searchMentions: (conversationId, query, searchOptions) =>
      searchDirectory(conversationId, query, searchOptions),
    searchAgents: (conversationId, query, searchOptions) =>
      searchDirectory(conversationId, query, searchOptions, 'internal-note'),
  };

  return { recent, rememberPeople, fetchMissingPeople, loadAgentAndSettings, searches };
}

export type DirectorySlice = ReturnType<typeof createDirectorySlice>;
