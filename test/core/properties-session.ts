import {
  type AsideAdapters,
  type AsideStore,
  type ConversationEvent,
  canView,
  createAsideStore,
  type NotificationEvent,
  type RichTextNode,
} from '@aside/core';
import { createMemoryBackend, demoConversations, type MemoryBackend } from '@aside/core/memory';
import { expect } from 'vitest';
import { settle } from './helpers';
import { createModel, type Mode, type Model, type Piece, type Reach } from './properties-model';
import {
  agentIds,
  blank,
  type Delivery,
  docOf,
  nodesOf,
  people,
  type Step,
  sameDraft,
  sorted,
  strangerIds,
} from './properties-steps';

// One agent's session in one conversation, driven through the store's public API over the
// in-memory backend and checked after every step against the reference model.

interface Session {
  reach: Reach;
  backend: MemoryBackend;
  store: AsideStore;
  model: Model;
  actorId: string;
  conversationId: string;
  mode: Mode;
  drafts: Record<Mode, { doc: RichTextNode; storedStale: boolean }>;
  events: NotificationEvent[];
  stream: Stream;
}

/** The store's live conversation stream, which the session can lose, repeat or replay. */
interface Stream {
  delivery: Delivery;
  delivered: ConversationEvent[];
  push(event: ConversationEvent): void;
}

function controlledStream(adapters: AsideAdapters): { adapters: AsideAdapters; stream: Stream } {
  const stream: Stream = { delivery: 'sent', delivered: [], push: () => {} };
  const conversations = adapters.conversations;
  return {
    stream,
    adapters: {
      ...adapters,
      conversations: {
        ...conversations,
        subscribe(id, onEvent) {
          stream.push = onEvent;
          return conversations.subscribe(id, (event) => {
            if (stream.delivery === 'lost') return;
            onEvent(event);
            if (stream.delivery === 'twice') onEvent(event);
            stream.delivered.push(event);
          });
        },
      },
    },
  };
}

/** Runs `action` with `operation` failing once, and disarms whatever it did not use. */
async function failingOnce<T>(
  s: Session,
  operation: 'submitMessage' | 'addFollower' | 'removeFollower' | 'drafts',
  armed: boolean,
  action: () => Promise<T>,
) {
  if (armed) s.backend.fail(operation, 1);
  try {
    return await action();
  } finally {
    await settle(2);
    s.backend.recover(operation);
  }
}

/** Records, at every state change, whether the agent sees `id` among the followers. */
function followersSeen(s: Session, id: string, log: boolean[]) {
  return s.store.subscribe(() => {
    const seen = s.store.getSnapshot().conversations[s.conversationId]?.conversation;
    if (seen) log.push(seen.followerIds.includes(id));
  });
}

/** Submits the current mode's draft and checks the outcome against the model (R2–R8). */
async function submitAndCheck(s: Session, fail: boolean) {
  const { store, model, actorId, conversationId: cid } = s;
  const doc = s.drafts[s.mode].doc;
  const pieces = (doc.content?.[0]?.content ?? []).map(
    (n): Piece =>
      n.type === 'mention' ? { mentionId: String(n.attrs?.id) } : { text: n.text ?? '' },
  );
  const expected = model.submit(actorId, s.mode, pieces);
  const before = s.backend.conversation(cid)!;
  const outcome = await failingOnce(s, 'submitMessage', fail, () => store.submit(cid));
  const after = s.backend.conversation(cid)!;
  const composer = store.getSnapshot().composers[cid]!;
  if (expected.accepted && !fail) {
    expect(outcome.ok, `refused: ${!outcome.ok && outcome.error.message}`).toBe(true);
    const message = after.messages.at(-1)!;
    expect(message.kind).toBe(s.mode);
    expect(message.authorId).toBe(actorId);
    expect(message.mentionIds).toEqual(expected.mentionIds);
    // R3: a public reply carries no mention node, however the mention got there.
    if (s.mode === 'public-reply') {
      expect(nodesOf(message.body).some((n) => n.type === 'mention')).toBe(false);
      if (pieces.some((p) => 'mentionId' in p))
        s.reach.hit('public reply with mentions sent as text');
    } else if (expected.mentionIds.length > 0) s.reach.hit('note with mentions accepted');
    // R7: with the 'skip' policy an agent who cannot view is mentioned but not added.
    const skipped = expected.mentionIds.filter(
      (id) => !model.canView(id) && !expected.adds.includes(id) && !before.followerIds.includes(id),
    );
    s.reach.hit('R7: agent without access skipped', skipped.length);
    // R6: every mentioned agent who did not follow now does, and hears of it.
    model.addFollowers(expected.adds);
    s.reach.hit('followers added by a note', expected.adds.length);
    for (const id of expected.adds) {
      if (!model.canView(id)) s.reach.hit('R7: agent without access added by mention');
      if (id === actorId || !model.canView(id)) continue;
      expect(s.events).toContainEqual(
        expect.objectContaining({ recipientId: id, kind: 'mention', messageId: message.id }),
      );
    }
    s.drafts[s.mode] = {
      doc: { type: 'doc', content: [{ type: 'paragraph' }] },
      storedStale: false,
    };
  } else {
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    // Access is the backend's to decide: a failing backend may answer before it refuses.
    const allowed =
      expected.accepted || (fail && expected.codes.includes('not-found'))
        ? [...(expected.accepted ? [] : expected.codes), 'adapter-failed']
        : expected.codes;
    expect(allowed).toContain(outcome.error.code);
    s.reach.hit(`submit refused: ${outcome.error.code}`);
    // R8, R18: nothing was posted, the reason is visible and the draft is kept.
    expect(after.messages).toHaveLength(before.messages.length);
    expect(composer.error?.code).toBe(outcome.error.code);
  }
}

/** Whom an add or remove is about: mostly someone it can apply to, sometimes anyone at all. */
function targetOf(s: Session, step: { type: 'add' | 'remove'; pick: number; anyone: boolean }) {
  const following = s.model.conversation.followerIds;
  const candidates = step.anyone
    ? [...agentIds, ...strangerIds]
    : step.type === 'remove'
      ? following
      : agentIds.filter((id) => !following.includes(id) && id !== s.model.conversation.assigneeId);
  const pool = candidates.length > 0 ? candidates : agentIds;
  return pool[step.pick % pool.length]!;
}

async function run(s: Session, step: Step) {
  const { store, model, actorId, conversationId: cid } = s;
  switch (step.type) {
    case 'type': {
      const doc = docOf(step.pieces);
      if (step.mode !== s.mode && !blank(s.drafts[step.mode].doc))
        s.reach.hit('mode switch onto a kept draft');
      s.mode = step.mode;
      store.setMode(cid, step.mode);
      await failingOnce(s, 'drafts', step.failSave, async () =>
        store.setDraft(cid, step.mode, doc),
      );
      s.drafts[step.mode] = { doc, storedStale: step.failSave };
      if (step.failSave) {
        // R8: a failed save is shown, and the draft stays in memory.
        expect(store.getSnapshot().composers[cid]?.error).not.toBeNull();
        s.reach.hit('draft save failed, draft kept');
      }
      if (step.send) await submitAndCheck(s, step.fail);
      return;
    }
    case 'switch':
      if (step.mode !== s.mode && !blank(s.drafts[s.mode].doc))
        s.reach.hit('mode switch away from content');
      s.mode = step.mode;
      store.setMode(cid, step.mode);
      return;
    case 'submit':
      return submitAndCheck(s, step.fail);
    case 'add':
    case 'remove': {
      const id = targetOf(s, step);
      const allowed =
        step.type === 'add' ? model.canAdd(actorId, id) : model.canRemove(actorId, id);
      const wasFollower = model.conversation.followerIds.includes(id);
      const seen: boolean[] = [];
      const stop = followersSeen(s, id, seen);
      const call = step.type === 'add' ? store.addFollower : store.removeFollower;
      const operation = step.type === 'add' ? 'addFollower' : 'removeFollower';
      const ok = await failingOnce(s, operation, step.fail, () => call(cid, id));
      stop();
      const willFollow = step.type === 'add';
      if (allowed) {
        // R11: the change shows at once, before the backend answers.
        expect(seen).toContain(willFollow);
        s.reach.hit(`${step.type}: shown optimistically`);
      } else {
        expect(
          seen.every((following) => following === wasFollower),
          `${id} ${seen}`,
        ).toBe(true);
      }
      if (allowed && !step.fail) {
        expect(ok).toBe(true);
        if (willFollow) model.addFollowers([id]);
        else model.removeFollower(id);
        s.reach.hit(`${step.type}: accepted`);
      } else {
        expect(ok).toBe(false);
        // R11: refused or failed, the change is rolled back with a visible error.
        expect(store.getSnapshot().conversations[cid]?.error).not.toBeNull();
        s.reach.hit(allowed ? 'follower change rolled back' : `${step.type}: refused`);
      }
      return;
    }
    case 'others':
      // Another agent changes the followers; the store hears of it through its subscription.
      if (step.follow) model.addFollowers([step.id]);
      else model.removeFollower(step.id);
      s.stream.delivery = step.delivery;
      s.backend.updateConversation(cid, () => ({
        followerIds: [...model.conversation.followerIds],
      }));
      s.stream.delivery = 'sent';
      s.reach.hit('followers changed by someone else');
      deliverAfter(s, step.delivery);
      return;
    case 'settings':
      model.settings.collaborationEnabled = step.collaborationEnabled;
      model.settings.mentionWithoutAccess = step.mentionWithoutAccess;
      s.backend.setSettings({
        collaborationEnabled: step.collaborationEnabled,
        mentionWithoutAccess: step.mentionWithoutAccess,
      });
      return;
  }
}

/** What the stream does after a change it lost or repeated (R18: the store ends up current). */
function deliverAfter(s: Session, delivery: Delivery) {
  const server = s.backend.conversation(s.conversationId)!;
  if (delivery === 'lost' && canView(server, s.actorId)) {
    // A reconnect's `ready` names the current version: the store sees it missed a change.
    s.stream.push({
      type: 'current-version',
      conversationId: s.conversationId,
      version: server.version,
    });
    s.reach.hit('stream: lost change recovered');
  } else if (delivery === 'twice') {
    s.reach.hit('stream: change delivered twice');
  } else if (delivery === 'stale-replay' && s.stream.delivered.length > 1) {
    s.stream.push(s.stream.delivered[0]!);
    s.reach.hit('stream: stale change replayed');
  }
}

function checkInvariants(s: Session) {
  const server = s.backend.conversation(s.conversationId)!;
  // The backend holds exactly the followers the model expects (R5, R6, R10, R11).
  expect(sorted(server.followerIds)).toEqual(sorted(s.model.conversation.followerIds));
  const seen = s.store.getSnapshot().conversations[s.conversationId];
  if (seen?.status === 'ready') {
    expect(seen.pendingFollowerIds).toEqual([]);
    expect(sorted(seen.conversation!.followerIds)).toEqual(sorted(server.followerIds));
  }
  // R8: each mode holds what was last typed in it, until it is sent.
  const composer = s.store.getSnapshot().composers[s.conversationId]!;
  expect(composer.mode).toBe(s.mode);
  for (const m of ['public-reply', 'internal-note'] as const) {
    expect(sameDraft(composer.drafts[m].doc, s.drafts[m].doc), `${m} draft`).toBe(true);
  }
}

/** R8: a draft survives a reload: a second store on the same backend loads what was typed. */
async function checkReload(s: Session) {
  const again = createAsideStore({
    adapters: s.backend.adaptersFor(s.actorId),
    currentAgentId: s.actorId,
  });
  await again.ready;
  again.openConversation(s.conversationId);
  await settle(4);
  const drafts = again.getSnapshot().composers[s.conversationId]!.drafts;
  for (const m of ['public-reply', 'internal-note'] as const) {
    if (s.drafts[m].storedStale) continue;
    expect(sameDraft(drafts[m].doc, s.drafts[m].doc), `${m} draft after reload`).toBe(true);
    if (!blank(s.drafts[m].doc)) s.reach.hit('draft restored after reload');
  }
  again.destroy();
}

/** Plays `steps` as `actorId` in `conversationId`, counting what it reached into `counter`. */
export async function playSession(
  counter: Reach,
  actorId: string,
  conversationId: string,
  skip: boolean,
  steps: readonly Step[],
) {
  const backend = createMemoryBackend({
    settings: { mentionWithoutAccess: skip ? 'skip' : 'add' },
  });
  const seed = demoConversations.find((c) => c.id === conversationId)!;
  const model = createModel(
    people,
    { ...seed, followerIds: [...seed.followerIds] },
    { collaborationEnabled: true, mentionWithoutAccess: skip ? 'skip' : 'add' },
  );
  const events: NotificationEvent[] = [];
  const unsubscribe = agentIds.map((id) =>
    backend.adaptersFor(id).notifications.subscribe(id, (event) => events.push(event)),
  );
  const { adapters, stream } = controlledStream(backend.adaptersFor(actorId));
  const store = createAsideStore({ adapters, currentAgentId: actorId });
  await store.ready;
  store.openConversation(conversationId);
  await settle(2);
  const empty = { doc: docOf([]), storedStale: false };
  const s: Session = {
    backend,
    store,
    model,
    actorId,
    conversationId,
    mode: 'public-reply',
    drafts: { 'public-reply': { ...empty }, 'internal-note': { ...empty } },
    events,
    stream,
    reach: counter,
  };
  try {
    for (const next of steps) {
      await run(s, next);
      await settle(2);
      checkInvariants(s);
    }
    for (const message of backend.conversation(conversationId)!.messages) {
      if (message.kind === 'public-reply') expect(message.mentionIds).toEqual([]);
    }
    await checkReload(s);
  } finally {
    store.destroy();
    for (const stop of unsubscribe) stop();
  }
}
