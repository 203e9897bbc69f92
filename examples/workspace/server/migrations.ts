import type { Database } from './database';

/** Applied in order, once each; never edit one that has shipped, add the next. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE people (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('agent', 'end-user')),
    name text NOT NULL,
    role text CHECK (role IN ('admin', 'agent', 'light-agent', 'contributor', 'chat-only-agent')),
    status text CHECK (status IN ('online', 'away', 'offline')),
    avatar_url text
  );
  CREATE TABLE settings (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    collaboration_enabled boolean NOT NULL,
    mention_without_access text NOT NULL CHECK (mention_without_access IN ('add', 'skip'))
  );
  CREATE TABLE conversations (
    id text PRIMARY KEY,
    channel text NOT NULL CHECK (channel IN ('messaging', 'ticket', 'live-chat')),
    subject text NOT NULL,
    requester_id text NOT NULL REFERENCES people (id),
    assignee_id text REFERENCES people (id),
    default_access text NOT NULL CHECK (default_access IN ('edit', 'view', 'none')),
    version int NOT NULL DEFAULT 1
  );
  CREATE TABLE conversation_access (
    conversation_id text NOT NULL REFERENCES conversations (id),
    agent_id text NOT NULL REFERENCES people (id),
    access text NOT NULL CHECK (access IN ('edit', 'view', 'none')),
    PRIMARY KEY (conversation_id, agent_id)
  );
  CREATE TABLE followers (
    conversation_id text NOT NULL REFERENCES conversations (id),
    agent_id text NOT NULL REFERENCES people (id),
    position bigserial NOT NULL,
    PRIMARY KEY (conversation_id, agent_id)
  );
  CREATE SEQUENCE message_seq;
  CREATE TABLE messages (
    id text PRIMARY KEY,
    seq bigint NOT NULL,
    conversation_id text NOT NULL REFERENCES conversations (id),
    author_id text NOT NULL REFERENCES people (id),
    kind text NOT NULL CHECK (kind IN ('public-reply', 'internal-note')),
    body jsonb NOT NULL,
    text text NOT NULL,
    mention_ids jsonb NOT NULL,
    created_at double precision NOT NULL,
    idempotency_key text NOT NULL,
    UNIQUE (author_id, idempotency_key)
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);
  CREATE TABLE sessions (
    token text PRIMARY KEY,
    agent_id text NOT NULL REFERENCES people (id),
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE drafts (
    agent_id text NOT NULL REFERENCES people (id),
    key text NOT NULL,
    draft jsonb NOT NULL,
    PRIMARY KEY (agent_id, key)
  );
  CREATE TABLE events (
    id bigserial PRIMARY KEY,
    type text NOT NULL CHECK (type IN ('conversation', 'notification', 'settings')),
    recipient_id text,
    conversation_id text,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX events_by_recipient ON events (recipient_id, id);
  CREATE INDEX events_by_conversation ON events (conversation_id, id);
  `,
  // Sessions expire (idle and absolute) and store a hash of the token: the sessions made
  // before this have plain tokens and no times, so they end here.
  `
  DELETE FROM sessions;
  ALTER TABLE sessions ADD COLUMN created_ms double precision NOT NULL;
  ALTER TABLE sessions ADD COLUMN seen_ms double precision NOT NULL;
  `,
  // A second line for the autocomplete, telling same-name agents apart (email, team).
  'ALTER TABLE people ADD COLUMN detail text',
  // Protocol v2: events carry changes, not conversations, and are pruned to a window. A message
  // keeps the version it made and the followers it added, so a replayed key returns its change.
  // Events of v1 are dropped, and recorded as pruned: a client resuming from one reloads.
  `
  ALTER TABLE messages ADD COLUMN version int;
  ALTER TABLE messages ADD COLUMN follower_ids jsonb;
  CREATE TABLE events_pruned (
    id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    through bigint NOT NULL
  );
  INSERT INTO events_pruned (through) SELECT coalesce(max(id), 0) FROM events;
  DELETE FROM events;
  ALTER TABLE events DROP CONSTRAINT events_type_check;
  ALTER TABLE events ADD CONSTRAINT events_type_check CHECK (type IN ('change', 'notification', 'settings'))
  `,
];

const MIGRATION_LOCK = 74_021;

/** Brings the schema up to date; safe when several servers start at once on one database. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(applied.map((row) => Number(row.version)));
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      for (const statement of sql.split(';').map((part) => part.trim())) {
        if (statement) await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
}
