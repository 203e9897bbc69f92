import type { Agent, Conversation, EndUser, Settings } from '@aside/core';
import { demoConversations, demoDirectory, demoEndUsers } from '@aside/core/memory';
import type { Database } from './database';

export interface SeedData {
  readonly agents: readonly Agent[];
  readonly endUsers: readonly EndUser[];
  readonly conversations: readonly Conversation[];
  readonly settings: Settings;
}

/** The agents, end users and conversations of the stories, so the demo reads the same. */
export function demoSeed(): SeedData {
  return {
    agents: demoDirectory(),
    endUsers: demoEndUsers,
    conversations: demoConversations,
    settings: { collaborationEnabled: true, mentionWithoutAccess: 'add' },
  };
}

const SEED_LOCK = 74_022;
const json = (value: unknown) => JSON.stringify(value);

/** Fills an empty database; a database that already has people is left alone. */
export async function seed(db: Database, data: SeedData = demoSeed()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [existing] = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM people',
    );
    if (existing && Number(existing.count) > 0) return false;
    const people = [
      ...data.agents.map((a) => ({
        ...a,
        avatar_url: a.avatarUrl ?? null,
        detail: a.detail ?? null,
      })),
      ...data.endUsers.map((u) => ({
        ...u,
        role: null,
        status: null,
        avatar_url: null,
        detail: null,
      })),
    ];
    await tx.query(
      `INSERT INTO people (id, kind, name, role, status, avatar_url, detail)
       SELECT id, kind, name, role, status, avatar_url, detail FROM jsonb_to_recordset($1::jsonb)
       AS p(id text, kind text, name text, role text, status text, avatar_url text, detail text)`,
      [json(people)],
    );
    await tx.query(
      'INSERT INTO settings (id, collaboration_enabled, mention_without_access) VALUES (1, $1, $2)',
      [data.settings.collaborationEnabled, data.settings.mentionWithoutAccess],
    );
    for (const conversation of data.conversations) {
      await tx.query(
        `INSERT INTO conversations (id, channel, subject, requester_id, assignee_id, default_access, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          conversation.id,
          conversation.channel,
          conversation.subject,
          conversation.requesterId,
          conversation.assigneeId,
          conversation.defaultAccess,
          conversation.version,
        ],
      );
      for (const [agentId, access] of Object.entries(conversation.access)) {
        await tx.query(
          'INSERT INTO conversation_access (conversation_id, agent_id, access) VALUES ($1, $2, $3)',
          [conversation.id, agentId, access],
        );
      }
      for (const agentId of conversation.followerIds) {
        await tx.query('INSERT INTO followers (conversation_id, agent_id) VALUES ($1, $2)', [
          conversation.id,
          agentId,
        ]);
      }
      for (const message of conversation.messages) {
        await tx.query(
          `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
           VALUES ($1, nextval('message_seq'), $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $1)`,
          [
            message.id,
            conversation.id,
            message.authorId,
            message.kind,
            json(message.body),
            message.text,
            json(message.mentionIds),
            message.createdAt,
          ],
        );
      }
    }
    return true;
  });
}
