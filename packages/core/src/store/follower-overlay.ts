import type { Conversation } from '../types';

/** One follower change the agent made that the backend has not confirmed yet (R11). */
export interface PendingFollowerChange {
  readonly id: number;
  readonly type: 'add' | 'remove';
  readonly agentId: string;
}

export const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/** R11: optimistic follower changes, laid over the backend's follower list until it answers. */
export function createFollowerOverlay() {
  const changes = new Map<string, PendingFollowerChange[]>();
  let seq = 0;
  return {
    add(conversationId: string, type: PendingFollowerChange['type'], agentId: string) {
      const change: PendingFollowerChange = { id: ++seq, type, agentId };
      changes.set(conversationId, [...(changes.get(conversationId) ?? []), change]);
      return change;
    },
    forget(conversationId: string, change: PendingFollowerChange) {
      const left = (changes.get(conversationId) ?? []).filter((other) => other.id !== change.id);
      changes.set(conversationId, left);
    },
    pendingIds: (conversationId: string) =>
      (changes.get(conversationId) ?? []).map((change) => change.agentId),
    /** The follower list the agent sees: the backend's with pending changes applied. */
    followerIds(conversationId: string, server: Conversation): readonly string[] {
      let followerIds = [...server.followerIds];
      for (const change of changes.get(conversationId) ?? []) {
        followerIds = followerIds.filter((followerId) => followerId !== change.agentId);
        if (change.type === 'add') followerIds.push(change.agentId);
      }
      return sameIds(server.followerIds, followerIds) ? server.followerIds : followerIds;
    },
  };
}

export type FollowerOverlay = ReturnType<typeof createFollowerOverlay>;
