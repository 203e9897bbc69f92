#!/usr/bin/env node
// pnpm bench:server: the reference server's figures of issue 11 on PGlite and, when
// DATABASE_URL is set, on PostgreSQL; merged under `server` into bench/results.json.
// About 8 minutes on 2 busy cores with both backends (most of it posting 5,000 notes to PGlite).
// The server runs in this process; the fan-out's 1,000 SSE clients run in a child process
// (fanout-clients.mjs), as real clients run on other machines. Its wall times still share the
// machine's cores with those clients and with whatever else runs: read them with the load
// (`uptime`), and `fanoutServerCpuMsPerNote`, the CPU the server spent per note, beside them.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { round, spread } from '../stats.mjs';
import { loadServer } from './load-server.mjs';
import {
  eventBytesPerNote,
  eventStorage,
  fanout,
  slowClients,
  twoInstances,
  writeThroughput,
} from './measure.mjs';

const resultsFile = new URL('../results.json', import.meta.url);
const env = process.env;
const quick = env.BENCH_SERVER_QUICK === '1';
const { server, remove } = await loadServer();

/** A server on a fresh database: PGlite in memory, or a schema of its own on PostgreSQL. */
async function open(kind, { schema, pollMs } = {}) {
  const ownSchema = kind === 'postgres' && !schema;
  const name = schema ?? `aside_bench_${randomBytes(4).toString('hex')}`;
  const database =
    kind === 'pglite'
      ? await server.createPgliteDatabase()
      : await server.createPostgresDatabase({ connectionString: env.DATABASE_URL, schema: name });
  const running = await server.startServer({
    database,
    ...(pollMs === undefined ? {} : { liveEvents: { pollMs } }),
  });
  return {
    db: database,
    schema: name,
    server: running,
    baseUrl: `${running.url}/api`,
    async close() {
      await running.close();
      if (ownSchema) await database.query(`DROP SCHEMA ${name} CASCADE`);
      await database.close();
    },
  };
}

async function benchBackend(kind) {
  const log = (what) => console.log(`[${kind}] ${what}…`);
  const result = { kind };
  const a = await open(kind);
  try {
    log('write throughput, empty vs 1,000-message conversations');
    const { emptyRates, fullRates } = await writeThroughput(
      a,
      quick ? { rounds: 1, notes: 40 } : {},
    );
    result.notesPerSecondEmpty = spread(emptyRates, 1);
    result.notesPerSecondFull = spread(fullRates, 1);
    result.writeThroughputRatio = spread(
      fullRates.map((rate, i) => rate / emptyRates[i]),
      3,
    );
    log('bytes a watcher receives for one note');
    result.eventBytes = await eventBytesPerNote(a);
    log('fan-out to 1,000 SSE clients');
    result.fanout = await fanout(a, quick ? { clients: 200, notes: 2 } : {});
    log('10 clients that never read, 20 events of 1 MB');
    result.slowClients = await slowClients(a, a.server, quick ? { events: 6 } : {});
    if (kind === 'postgres') {
      log('two instances on one PostgreSQL');
      const b = await open(kind, { schema: a.schema, pollMs: 0 });
      try {
        result.twoInstances = await twoInstances(a, b, quick ? { notes: 10 } : {});
      } finally {
        await b.close();
      }
    }
  } finally {
    await a.close();
  }
  const c = await open(kind);
  try {
    log('events table after 5,000 notes');
    result.storage = await eventStorage(c, quick ? { notes: 500 } : {});
  } finally {
    await c.close();
  }
  return result;
}

const backends = {};
try {
  backends.pglite = await benchBackend('pglite');
  if (env.DATABASE_URL) backends.postgres = await benchBackend('postgres');
} finally {
  await remove();
}

const figures = (r) => ({
  writeThroughputRatio: r.writeThroughputRatio.median,
  eventBytesPerNote: r.eventBytes.bytes,
  fanout1000P95Ms: round(r.fanout.p95, 1),
  slowClientsExtraMB: round(r.slowClients.peakQueuedMB, 1),
  eventsTableBytesPerMessage: round(r.storage.bytesPerMessage, 0),
  messageBytes: round(r.storage.messageBytes, 0),
  ...(r.twoInstances ? { twoInstancesP95Ms: round(r.twoInstances.p95, 1) } : {}),
});
const detail = (r) => ({
  ...figures(r),
  writeThroughputRatioSpread: r.writeThroughputRatio,
  notesPerSecondEmpty: r.notesPerSecondEmpty,
  notesPerSecondFull: r.notesPerSecondFull,
  eventBytesConversationMessages: r.eventBytes.conversationMessages,
  fanoutClients: r.fanout.clients,
  fanoutP50Ms: round(r.fanout.p50, 1),
  fanoutPerNoteP95Ms: r.fanout.perNoteP95.map((v) => round(v, 1)),
  fanoutServerCpuMsPerNote: round(r.fanout.serverCpuMsPerNote, 1),
  slowClientsRssDeltaMB: round(r.slowClients.rssDeltaMB, 1),
  slowClientsLeftConnected: r.slowClients.slowClientsLeft,
  storageNotes: r.storage.notes,
  storageEvents: r.storage.events,
  eventsTableBytes: r.storage.tableBytes,
  storageNotesPerSecond: round(r.storage.notesPerSecond, 1),
  ...(r.twoInstances ? { twoInstancesP50Ms: round(r.twoInstances.p50, 1) } : {}),
});

// The headline figures are PostgreSQL's when it ran (the goals name it), else PGlite's.
const headline = backends.postgres ?? backends.pglite;
const cpus = os.cpus();
const measured = {
  machine: `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString(),
  ...(quick ? { quick: true } : {}),
  headlineBackend: headline.kind,
  ...figures(headline),
  goals: {
    writeThroughputRatio: '>= 0.8',
    eventBytesPerNote: '<= 2048',
    fanout1000P95Ms: '<= 250 on PostgreSQL',
    slowClientsExtraMB: '<= 64',
    eventsTableBytesPerMessage: '<= 4 × messageBytes',
  },
  byBackend: Object.fromEntries(Object.entries(backends).map(([k, r]) => [k, detail(r)])),
};

// Other keys of results.json (other benchmarks) are kept as they are; a quick run (a smoke
// test of the script, BENCH_SERVER_QUICK=1) only prints.
if (!quick) {
  const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...previous, server: measured }, null, 2)}\n`);
}

const rows = [
  ['figure', 'goal', ...Object.keys(backends)],
  [
    'writeThroughputRatio (1,000 msgs ÷ empty)',
    '≥ 0.8',
    ...Object.values(backends).map(
      (r) =>
        `${r.writeThroughputRatio.median} (${r.writeThroughputRatio.min}–${r.writeThroughputRatio.max})`,
    ),
  ],
  [
    '  notes/s empty → full',
    '',
    ...Object.values(backends).map(
      (r) => `${r.notesPerSecondEmpty.median} → ${r.notesPerSecondFull.median}`,
    ),
  ],
  [
    'eventBytesPerNote',
    '≤ 2,048',
    ...Object.values(backends).map((r) => String(r.eventBytes.bytes)),
  ],
  [
    `fanout p95 ms (${headline.fanout.clients} clients)`,
    '≤ 250 (PostgreSQL)',
    ...Object.values(backends).map(
      (r) => `${round(r.fanout.p95, 1)} (p50 ${round(r.fanout.p50, 1)})`,
    ),
  ],
  [
    '  server CPU ms per fanned-out note',
    'report',
    ...Object.values(backends).map((r) => String(round(r.fanout.serverCpuMsPerNote, 1))),
  ],
  [
    'slowClientsExtraMB (peak queued)',
    '≤ 64',
    ...Object.values(backends).map(
      (r) => `${round(r.slowClients.peakQueuedMB, 1)} (RSS +${round(r.slowClients.rssDeltaMB, 1)})`,
    ),
  ],
  [
    `eventsTableBytesPerMessage (${headline.storage.notes} notes)`,
    '≤ 4 × message',
    ...Object.values(backends).map(
      (r) =>
        `${round(r.storage.bytesPerMessage, 0)} (message ${round(r.storage.messageBytes, 0)}, ×${round(r.storage.bytesPerMessage / r.storage.messageBytes, 2)})`,
    ),
  ],
  [
    'two instances p95 ms',
    'report',
    ...Object.values(backends).map((r) =>
      r.twoInstances
        ? `${round(r.twoInstances.p95, 1)} (p50 ${round(r.twoInstances.p50, 1)})`
        : '—',
    ),
  ],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log(`\nMachine: ${measured.machine}${quick ? ' (quick run)' : ''}\n`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join(' | '));
process.exit(0);
