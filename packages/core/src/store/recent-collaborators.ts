import type { Conversation } from '../types';

const REMEMBERED = 20;
const MESSAGES_LOOKED_AT = 20;

/**
 * The agents the current agent worked with lately, most recent first: whom they mentioned or
 * added, and who wrote in the conversations they opened. Mention search ranks them right after
 * the people on the conversation.
 */
export function createRecentCollaborators(currentAgentId: string) {
  let ids: readonly string[] = [];
  const note = (newestFirst: readonly string[]) => {
    const fresh = newestFirst.filter((id) => id !== currentAgentId);
    if (fresh.length === 0) return;
    ids = [...new Set([...fresh, ...ids])].slice(0, REMEMBERED);
  };
  return {
    note,
    noteAuthorsOf(conversation: Conversation) {
      const recent = conversation.messages.slice(-MESSAGES_LOOKED_AT);
      note(recent.map((message) => message.authorId).reverse());
    },
    list: () => ids,
  };
}
