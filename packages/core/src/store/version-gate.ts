import type { ConversationChange } from '../types';

/**
 * Protocol version 2 puts a conversation's changes in order: each raises its version by 1.
 * The gate keeps changes that arrived early (after a gap) and the highest version known to
 * exist, so the store can tell when it is behind and must load again.
 */
export function createVersionGate() {
  const early = new Map<string, Map<number, ConversationChange>>();
  const known = new Map<string, number>();
  const reloadedFor = new Map<string, number>();

  const know = (conversationId: string, version: number) => {
    if (version > (known.get(conversationId) ?? -1)) known.set(conversationId, version);
  };

  return {
    know,
    /** Keep a change that cannot be applied yet: a version is missing before it. */
    hold(change: ConversationChange) {
      const held = early.get(change.conversationId) ?? new Map<number, ConversationChange>();
      early.set(change.conversationId, held);
      held.set(change.version, change);
      know(change.conversationId, change.version);
    },
    /** The kept change that follows `version`, if any; changes at or below it are dropped. */
    next(conversationId: string, version: number): ConversationChange | undefined {
      const held = early.get(conversationId);
      if (!held) return undefined;
      for (const kept of held.keys()) if (kept <= version) held.delete(kept);
      const next = held.get(version + 1);
      held.delete(version + 1);
      if (held.size === 0) early.delete(conversationId);
      return next;
    },
    /**
     * True when a newer version than `version` is known to exist and no reload was started
     * for it yet: one reload per newest known version, so a backend that answers with less
     * than it announced is not asked again and again.
     */
    shouldReload(conversationId: string, version: number) {
      const newest = known.get(conversationId) ?? -1;
      if (newest <= version || reloadedFor.get(conversationId) === newest) return false;
      reloadedFor.set(conversationId, newest);
      return true;
    },
  };
}
