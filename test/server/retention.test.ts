import { demoAgents } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../examples/workspace/server/events';
import { pruneEvents } from '../../examples/workspace/server/retention';
import { createSseParser, type ServerSentEvent } from '../../packages/adapter-http/src';
import { note, postMessage, tokenFor, useTestServer } from './helpers';
import { openStream } from './sse';

const { sam, ada } = demoAgents;
const RETAIN = 5;

describe(`a bounded window of events (retainEvents: ${RETAIN}; PROTOCOL.md "resync")`, () => {
  const t = useTestServer({ liveEvents: { retainEvents: RETAIN } });
  let samToken: string;
  beforeAll(async () => {
    samToken = await tokenFor(t.baseUrl, sam.id);
  });

  const kept = async () =>
    Number((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]?.n ?? 0);

  it('R12: old events are pruned to the window; resuming from before it is a resync expired, then live events', async () => {
    const fresh = await openStream(t.baseUrl, { token: samToken });
    const start = (await fresh.next((e) => e.event === 'ready')).id!;
    fresh.close();
    const versions: number[] = [];
    for (let i = 0; i < 12; i++) {
      const { status, body } = await postMessage(
        t.baseUrl,
        samToken,
        'conv-refund',
        `retain-${i}`,
        note(`Note ${i}`),
      );
      expect(status).toBe(201);
      versions.push(body.change.version);
    }
    // Each note here is a change and an update for Ada (a follower): 24 events in all.
    await expect.poll(kept, { timeout: 20_000 }).toBeLessThanOrEqual(RETAIN);
    expect(await kept()).toBeGreaterThan(0);

    const stale = await openStream(t.baseUrl, {
      token: samToken,
      conversations: ['conv-refund'],
      lastEventId: start,
    });
    const resync = await stale.next((e) => e.event === 'resync');
    const ready = await stale.next((e) => e.event === 'ready');
    expect(JSON.parse(resync.data)).toEqual({ reason: 'expired' });
    expect(stale.events.indexOf(resync)).toBe(0);
    // Nothing of the lost range is replayed; ready tells the version to reload to.
    expect(stale.events.filter((e) => e.event === 'change')).toEqual([]);
    expect(JSON.parse(ready.data).versions['conv-refund']).toBe(versions.at(-1));
    const { body } = await postMessage(
      t.baseUrl,
      samToken,
      'conv-refund',
      'retain-live',
      note('Live'),
    );
    const live = await stale.next((e) => e.event === 'change');
    expect(JSON.parse(live.data).change.version).toBe(body.change.version);
    stale.close();
  });

  it('R12: a client resuming inside the window gets the kept changes in order, and no resync', async () => {
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const fresh = await openStream(t.baseUrl, { token: adaToken });
    const from = (await fresh.next((e) => e.event === 'ready')).id!;
    fresh.close();
    const { body } = await postMessage(
      t.baseUrl,
      samToken,
      'conv-printer',
      'inside-1',
      note('Inside'),
    );
    const resumed = await openStream(t.baseUrl, {
      token: adaToken,
      conversations: ['conv-printer'],
      lastEventId: from,
    });
    await resumed.next((e) => e.event === 'ready');
    resumed.close();
    expect(resumed.events.map((e) => e.event)).not.toContain('resync');
    const changes = resumed.events.filter((e) => e.event === 'change');
    expect(changes.map((e) => JSON.parse(e.data).change.version)).toEqual([body.change.version]);
  });
});

describe('pruned while a client catches up', () => {
  const t = useTestServer({ liveEvents: { maxQueuedBytes: 16 * 1024 } });

  it('R12: events pruned ahead of a resuming client that stopped reading: resync expired, then ready', async () => {
    const token = await tokenFor(t.baseUrl, sam.id);
    const fresh = await openStream(t.baseUrl, { token });
    const from = (await fresh.next((e) => e.event === 'ready')).id!;
    fresh.close();
    // 40 changes of about 500 kB: far more backlog than the client's queue and its socket hold.
    for (let i = 0; i < 40; i++) {
      const change = {
        type: 'followers-changed' as const,
        conversationId: 'conv-refund',
        version: 1000 + i,
        followerIds: ['x'.repeat(500_000)],
      };
      await t.db.transaction((tx) =>
        appendEvents(tx, t.db.channel, [{ type: 'change', payload: { change } }]),
      );
    }
    const controller = new AbortController();
    const response = await fetch(`${t.baseUrl}/events?conversations=conv-refund`, {
      headers: { Authorization: `Bearer ${token}`, 'Last-Event-ID': from },
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: ServerSentEvent[] = [];
    const parser = createSseParser((event) => events.push(event));
    // The first event is read, then the client stops reading while the window moves on.
    while (events.length === 0) parser.push((await reader.read()).value ?? '');
    await pruneEvents(t.db, {
      retainEvents: 2,
      retainMs: Number.POSITIVE_INFINITY,
      pruneEveryMs: 0,
    });
    while (!events.some((e) => e.event === 'ready')) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(value);
    }
    controller.abort();
    const kinds = events.map((e) => e.event);
    const changes = kinds.filter((kind) => kind === 'change').length;
    // Some changes were on their way; the rest were pruned: the client is told to reload.
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThan(40);
    expect(kinds.slice(changes)).toEqual(['resync', 'ready']);
    expect(JSON.parse(events[changes]!.data)).toEqual({ reason: 'expired' });
  });
});
