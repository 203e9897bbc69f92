// One backend's server figures (issue 11). Conversations are seeded by SQL, notes are posted
// and events read over raw HTTP/SSE, as any client would.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { api, openSse, percentile, postNote, signIn, sleep, until } from './clients.mjs';

const POSTERS = ['agent-jane', 'agent-ada', 'agent-jamie', 'agent-nora'];
const PARALLEL = 8;
const NOTE_TEXT = 'x'.repeat(100);

export async function seedConversations(db, prefix, count, messagesEach) {
  await db.query(
    `INSERT INTO conversations (id, channel, subject, requester_id, assignee_id, default_access)
     SELECT $1 || g, 'ticket', 'Bench ' || g, 'user-janet', 'agent-sam', 'edit'
     FROM generate_series(1, $2::int) AS g`,
    [prefix, count],
  );
  if (messagesEach === 0) return;
  await db.query(
    `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
     SELECT 'seed-' || s, s, conversation_id, 'agent-sam', 'internal-note',
            jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object(
              'type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', repeat('y', 100)))))),
            repeat('y', 100), '[]'::jsonb, 0, 'seed-' || s
     FROM (SELECT nextval('message_seq') AS s, $1 || c AS conversation_id
           FROM generate_series(1, $2::int) AS c, generate_series(1, $3::int) AS m) AS rows`,
    [prefix, count, messagesEach],
  );
}

async function tokensFor(baseUrl) {
  return Promise.all(POSTERS.map((id) => signIn(baseUrl, id)));
}

/** `total` notes by PARALLEL posters into `conversations` round-robin; notes per second. */
async function postMany(baseUrl, tokens, conversations, total) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async (_, lane) => {
      while (next < total) {
        const n = next++;
        await postNote(
          baseUrl,
          tokens[lane % tokens.length],
          conversations[n % conversations.length],
          `${NOTE_TEXT} ${n}`,
        );
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** Notes/s into conversations of 1,000 messages ÷ notes/s into empty ones, round by round. */
export async function writeThroughput(env, { rounds = 4, notes = 160, conversations = 8 } = {}) {
  const { db, baseUrl } = env;
  const tokens = await tokensFor(baseUrl);
  await seedConversations(db, 'full-', conversations, 1000);
  const full = Array.from({ length: conversations }, (_, i) => `full-${i + 1}`);
  await postMany(baseUrl, tokens, full, PARALLEL * 4); // warm-up
  const emptyRates = [];
  const fullRates = [];
  for (let round = 0; round < rounds; round++) {
    const prefix = `empty-${round}-`;
    await seedConversations(db, prefix, conversations, 0);
    const empty = Array.from({ length: conversations }, (_, i) => `${prefix}${i + 1}`);
    // Each round posts in halves, A B B A, and alternates which is A: a machine whose load
    // drifts during the round (it is shared) then favours neither side.
    const half = Math.ceil(notes / 2);
    const order = round % 2 === 0 ? [empty, full, full, empty] : [full, empty, empty, full];
    const seconds = new Map([
      [empty, 0],
      [full, 0],
    ]);
    for (const ids of order) {
      seconds.set(ids, seconds.get(ids) + half / (await postMany(baseUrl, tokens, ids, half)));
    }
    emptyRates.push((2 * half) / seconds.get(empty));
    fullRates.push((2 * half) / seconds.get(full));
  }
  return { emptyRates, fullRates };
}

/** Bytes one watcher receives for one 100-character note in a conversation of 1,000 messages. */
export async function eventBytesPerNote(env) {
  const { baseUrl } = env;
  const watcherToken = await signIn(baseUrl, 'agent-lee');
  const posterToken = await signIn(baseUrl, 'agent-jane');
  let bytes = 0;
  let text = '';
  const marker = `bytes-${Date.now()}`;
  const stream = openSse(baseUrl, {
    token: watcherToken,
    conversations: ['full-1'],
    onData(chunk, size) {
      bytes += size;
      text += chunk;
    },
  });
  await stream.ready;
  bytes = 0;
  text = '';
  const noteText = `${marker} ${'z'.repeat(100 - marker.length - 1)}`;
  await postNote(baseUrl, posterToken, 'full-1', noteText);
  await until(() => text.includes(marker) && text.endsWith('\n\n'), 'the change event');
  stream.close();
  const { body } = await api(baseUrl, 'GET', '/conversations/full-1?limit=1', {
    token: watcherToken,
  });
  const held = Number(
    (
      await env.db.query("SELECT count(*)::int AS n FROM messages WHERE conversation_id = 'full-1'")
    )[0].n,
  );
  if (held < 1000) throw new Error(`full-1 holds ${held} messages`);
  return { bytes, conversationMessages: held, version: body.conversation.version };
}

/**
 * p95 (ms) from a POST to each of `clients` SSE clients receiving its change. The clients run
 * in a child process (fanout-clients.mjs), as real clients run elsewhere: in this process their
 * parsing would compete with the server for its one event loop and be counted as its cost.
 */
export async function fanout(env, { clients = 1000, notes = 5 } = {}) {
  const { baseUrl } = env;
  const token = await signIn(baseUrl, 'agent-lee');
  const posterToken = await signIn(baseUrl, 'agent-jane');
  const child = fork(fileURLToPath(new URL('./fanout-clients.mjs', import.meta.url)), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const failed = new Promise((_, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`fan-out clients exited (${code})`)));
  });
  failed.catch(() => {});
  const next = (type) =>
    Promise.race([
      failed,
      new Promise((resolve) => {
        const listener = (message) => {
          if (message.type !== type) return;
          child.off('message', listener);
          resolve(message);
        };
        child.on('message', listener);
      }),
    ]);
  const now = () => performance.timeOrigin + performance.now();
  try {
    child.send({ type: 'open', baseUrl, token, clients, conversation: 'full-2' });
    await next('ready');
    const perNote = [];
    const all = [];
    const cpu = [];
    for (let n = 0; n < notes; n++) {
      const marker = `fanout-${n}-${Date.now()}`;
      child.send({ type: 'watch', marker });
      await next('watching');
      const arrived = next('arrived');
      const started = now();
      const cpuBefore = process.cpuUsage();
      await postNote(baseUrl, posterToken, 'full-2', marker);
      let timer;
      const { times } = await Promise.race([
        arrived,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Timed out: ${clients} deliveries`)), 120_000);
        }),
      ]).finally(() => clearTimeout(timer));
      const arrivals = times.map((time) => time - started);
      // CPU this process spent on the note (the server, and the one poster's request): what
      // the fan-out costs the server whatever the machine's load does to the wall time.
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      perNote.push(percentile(arrivals, 95));
      all.push(...arrivals);
      await sleep(50);
    }
    return {
      clients,
      perNoteP95: perNote,
      p95: percentile(all, 95),
      p50: percentile(all, 50),
      serverCpuMsPerNote: percentile(cpu, 50),
    };
  } finally {
    child.removeAllListeners('exit');
    if (child.connected) child.send({ type: 'close' });
    else child.kill();
  }
}

/** Bytes the server holds for 10 clients that never read while 20 events of 1 MB flow. */
export async function slowClients(
  env,
  server,
  { slow = 10, events = 20, eventBytes = 1_000_000 } = {},
) {
  const { baseUrl, db } = env;
  const token = await signIn(baseUrl, 'agent-lee');
  const paused = Array.from({ length: slow }, () =>
    openSse(baseUrl, { token, conversations: ['full-3'], paused: true }),
  );
  await Promise.all(paused.map((s) => s.ready));
  const versions = [];
  const reader = openSse(baseUrl, {
    token,
    conversations: ['full-3'],
    onData(chunk) {
      for (const match of chunk.matchAll(/"version":(\d+)/g)) versions.push(Number(match[1]));
    },
  });
  await reader.ready;
  await until(() => server.liveStats().clients >= slow + 1, 'every client connected');
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peakQueued = 0;
  let peakRss = baseline;
  const sampler = setInterval(() => {
    peakQueued = Math.max(peakQueued, server.liveStats().queuedBytes);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const text = 'x'.repeat(eventBytes);
  for (let i = 0; i < events; i++) {
    const version = 10_000_000 + i;
    const change = {
      type: 'message-added',
      conversationId: 'full-3',
      version,
      message: {
        id: `big-${i}`,
        conversationId: 'full-3',
        authorId: 'agent-sam',
        kind: 'internal-note',
        body: { type: 'doc', content: [] },
        text,
        mentionIds: [],
        createdAt: 0,
      },
    };
    // Written as the server writes a change: under its lock, announced by NOTIFY.
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(74023)');
      const [row] = await tx.query(
        `INSERT INTO events (type, conversation_id, payload) VALUES ('change', 'full-3', $1::jsonb) RETURNING id::text AS id`,
        [JSON.stringify({ change })],
      );
      await tx.query('SELECT pg_notify($1, $2)', [db.channel, row.id]);
    });
    await until(() => versions.includes(version), `big event ${i}`);
  }
  clearInterval(sampler);
  const stillConnected = server.liveStats().clients;
  reader.close();
  for (const s of paused) s.close();
  return {
    peakQueuedMB: peakQueued / 2 ** 20,
    rssDeltaMB: (peakRss - baseline) / 2 ** 20,
    slowClientsLeft: stillConnected - 1,
  };
}

/** Size of the events table per note after `notes` notes, next to a note's message size. */
export async function eventStorage(env, { notes = 5000, conversations = 10 } = {}) {
  const { db, baseUrl } = env;
  await seedConversations(db, 'store-', conversations, 0);
  const ids = Array.from({ length: conversations }, (_, i) => `store-${i + 1}`);
  const [before] = await db.query('SELECT count(*)::int AS n FROM events');
  const started = performance.now();
  await postMany(baseUrl, await tokensFor(baseUrl), ids, notes);
  const seconds = (performance.now() - started) / 1000;
  const [row] = await db.query(
    `SELECT pg_total_relation_size('events')::float8 AS bytes, count(*)::int AS n FROM events`,
  );
  const [message] = await db.query(
    `SELECT avg(octet_length(json_build_object('id', id, 'conversationId', conversation_id,
       'authorId', author_id, 'kind', kind, 'body', body, 'text', text, 'mentionIds', mention_ids,
       'createdAt', created_at)::text))::float8 AS bytes FROM messages WHERE conversation_id LIKE 'store-%'`,
  );
  return {
    notes,
    events: Number(row.n) - Number(before.n),
    tableBytes: Number(row.bytes),
    bytesPerMessage: Number(row.bytes) / notes,
    messageBytes: Number(message.bytes),
    notesPerSecond: notes / seconds,
  };
}

/** A note posted on instance A reaching an SSE client of instance B: ms, p95 over `notes`. */
export async function twoInstances(a, b, { notes = 40 } = {}) {
  const token = await signIn(b.baseUrl, 'agent-lee');
  const posterToken = await signIn(a.baseUrl, 'agent-jane');
  let marker = null;
  let started = 0;
  let latency = null;
  let tail = '';
  const stream = openSse(b.baseUrl, {
    token,
    conversations: ['full-4'],
    onData(chunk) {
      tail = (tail + chunk).slice(-4096);
      if (marker && latency === null && tail.includes(marker))
        latency = performance.now() - started;
    },
  });
  await stream.ready;
  const latencies = [];
  for (let n = 0; n < notes; n++) {
    latency = null;
    marker = `across-${n}-${Date.now()}`;
    started = performance.now();
    await postNote(a.baseUrl, posterToken, 'full-4', marker);
    await until(() => latency !== null, 'the note on the other instance');
    latencies.push(latency);
  }
  stream.close();
  return { notes, p95: percentile(latencies, 95), p50: percentile(latencies, 50) };
}
