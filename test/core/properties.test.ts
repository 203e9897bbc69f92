import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reach } from './properties-model';
import { notificationStreamProperty } from './properties-notifications';
import { playSession } from './properties-session';
import { actorArb, conversationArb, step } from './properties-steps';

// Random sessions of one agent in one conversation, checked step by step against an
// independent model of R2–R11 (properties-model.ts). The store is driven through its public
// API over the in-memory backend; nothing is mocked. Each run prints how often it reached each
// rule and fails below the floors, so the property cannot pass by never getting there.

const reach = new Reach();

describe('the store against a reference model of the rules', () => {
  it('R2–R11: notes, mentions, followers and drafts follow the rules whatever happens', async () => {
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        conversationArb,
        fc.constantFrom(false, false, false, true),
        fc.array(step, { minLength: 10, maxLength: 40 }),
        (actorId, conversationId, skip, steps) =>
          playSession(reach, actorId, conversationId, skip, steps),
      ),
      {
        numRuns: 100,
        ...(process.env.FC_SEED
          ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true }
          : {}),
      },
    );
    reach.print('Reach of the rules property (100 sessions):');
    // Floors: below these the property proves too little, so the run fails.
    expect(reach.of('note with mentions accepted')).toBeGreaterThanOrEqual(50);
    expect(reach.of('followers added by a note')).toBeGreaterThanOrEqual(30);
    for (const code of [
      'empty-message',
      'mentions-unavailable',
      'invalid-mentions',
      'adapter-failed',
    ]) {
      expect(reach.of(`submit refused: ${code}`), code).toBeGreaterThanOrEqual(20);
    }
    expect(reach.of('public reply with mentions sent as text')).toBeGreaterThanOrEqual(10);
    expect(reach.of('follower change rolled back')).toBeGreaterThanOrEqual(10);
    expect(reach.of('add: accepted')).toBeGreaterThanOrEqual(10);
    expect(reach.of('remove: accepted')).toBeGreaterThanOrEqual(10);
    expect(reach.of('add: refused')).toBeGreaterThanOrEqual(10);
    expect(reach.of('remove: refused')).toBeGreaterThanOrEqual(10);
    expect(reach.of('mode switch away from content')).toBeGreaterThanOrEqual(10);
    expect(reach.of('draft save failed, draft kept')).toBeGreaterThanOrEqual(5);
    expect(reach.of('draft restored after reload')).toBeGreaterThanOrEqual(20);
    expect(reach.of('R7: agent without access added by mention')).toBeGreaterThanOrEqual(3);
    expect(reach.of('R7: agent without access skipped')).toBeGreaterThanOrEqual(2);
    expect(reach.of('followers changed by someone else')).toBeGreaterThanOrEqual(10);
    // Protocol v2: lost, repeated and stale changes still leave the store current (R18).
    expect(reach.of('stream: lost change recovered')).toBeGreaterThanOrEqual(5);
    expect(reach.of('stream: change delivered twice')).toBeGreaterThanOrEqual(5);
    expect(reach.of('stream: stale change replayed')).toBeGreaterThanOrEqual(5);
  }, 120_000);
});

describe('notification stream with drops, replays and reads', () => {
  it('R12–R14: reconnects that miss events and replay them never lose, duplicate or misorder an item; reads stick', async () => {
    await notificationStreamProperty();
  }, 60_000);
});
