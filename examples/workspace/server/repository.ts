import type {
  Access,
  Agent,
  Conversation,
  Draft,
  Message,
  Person,
  RichTextNode,
  Settings,
} from '@aside/core';
import type { Queryable } from './database';

interface PersonRow {
  id: string;
  kind: 'agent' | 'end-user';
  name: string;
  role: Agent['role'] | null;
  status: Agent['status'] | null;
  avatar_url: string | null;
  detail: string | null;
}

export const toPerson = (row: PersonRow): Person =>
  row.kind === 'agent'
    ? {
        kind: 'agent',
        id: row.id,
        name: row.name,
        role: row.role ?? 'agent',
        status: row.status ?? 'offline',
        ...(row.avatar_url ? { avatarUrl: row.avatar_url } : {}),
        ...(row.detail ? { detail: row.detail } : {}),
      }
    : { kind: 'end-user', id: row.id, name: row.name };

export async function findPeople(db: Queryable, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<PersonRow>(
    'SELECT * FROM people WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(ids)],
  );
  const byId = new Map(rows.map((row) => [row.id, toPerson(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function findAgent(db: Queryable, id: string): Promise<Agent | null> {
  const [person] = await findPeople(db, [id]);
  return person?.kind === 'agent' ? person : null;
}

export async function allAgents(db: Queryable): Promise<Agent[]> {
  const rows = await db.query<PersonRow>("SELECT * FROM people WHERE kind = 'agent' ORDER BY id");
  return rows.map(toPerson) as Agent[];
}

export async function loadSettings(db: Queryable): Promise<Settings> {
  const [row] = await db.query<{ collaboration_enabled: boolean; mention_without_access: string }>(
    'SELECT collaboration_enabled, mention_without_access FROM settings WHERE id = 1',
  );
  return {
    collaborationEnabled: row?.collaboration_enabled ?? true,
    mentionWithoutAccess: row?.mention_without_access === 'skip' ? 'skip' : 'add',
  };
}

export interface MessageRow {
  id: string;
  seq: string | number;
  conversation_id: string;
  author_id: string;
  kind: Message['kind'];
  body: RichTextNode;
  text: string;
  mention_ids: string[];
  created_at: number;
}

export const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  authorId: row.author_id,
  kind: row.kind,
  body: row.body,
  text: row.text,
  mentionIds: row.mention_ids,
  createdAt: Number(row.created_at),
});

/** A row of the conversations table. */
export interface ConversationRow {
  readonly id: string;
  readonly channel: Conversation['channel'];
  readonly subject: string;
  readonly requester_id: string;
  readonly assignee_id: string | null;
  readonly default_access: Access;
  readonly version: number;
}

/** A conversations row and its parts, as the core sees a conversation. */
export const toConversation = (
  row: ConversationRow,
  parts: Pick<Conversation, 'access' | 'followerIds' | 'messages'>,
): Conversation => ({
  id: row.id,
  channel: row.channel,
  subject: row.subject,
  requesterId: row.requester_id,
  assigneeId: row.assignee_id,
  followerIds: parts.followerIds,
  access: parts.access,
  defaultAccess: row.default_access,
  messages: parts.messages,
  version: Number(row.version),
});

/**
 * The conversation as the core decides on it, without its messages (no rule reads them), so
 * what a write costs does not grow with the conversation; `forUpdate` locks its row.
 */
export async function loadConversationHead(
  db: Queryable,
  id: string,
  { forUpdate = false } = {},
): Promise<Conversation | null> {
  const [row] = await db.query<ConversationRow>(
    `SELECT * FROM conversations WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) return null;
  const access = await db.query<{ agent_id: string; access: Access }>(
    'SELECT agent_id, access FROM conversation_access WHERE conversation_id = $1',
    [id],
  );
  const followers = await db.query<{ agent_id: string }>(
    'SELECT agent_id FROM followers WHERE conversation_id = $1 ORDER BY position',
    [id],
  );
  return toConversation(row, {
    followerIds: followers.map((f) => f.agent_id),
    access: Object.fromEntries(access.map((a) => [a.agent_id, a.access])),
    messages: [],
  });
}

/** A stored message with what its change said: the version it made, followers it added. */
export type StoredMessageRow = MessageRow & {
  version: number | null;
  follower_ids: string[] | null;
};

export async function findMessageByKey(
  db: Queryable,
  authorId: string,
  key: string,
): Promise<StoredMessageRow | null> {
  const [row] = await db.query<StoredMessageRow>(
    'SELECT * FROM messages WHERE author_id = $1 AND idempotency_key = $2',
    [authorId, key],
  );
  return row ?? null;
}

/** Raises the conversation's version by one (every change does) and returns the new one. */
export async function bumpVersion(db: Queryable, id: string): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    'UPDATE conversations SET version = version + 1 WHERE id = $1 RETURNING version',
    [id],
  );
  return Number(row!.version);
}

export async function loadDraft(db: Queryable, agentId: string, key: string) {
  const [row] = await db.query<{ draft: Draft }>(
    'SELECT draft FROM drafts WHERE agent_id = $1 AND key = $2',
    [agentId, key],
  );
  return row?.draft ?? null;
}
