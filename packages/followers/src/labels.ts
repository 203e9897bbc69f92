import type { AsideErrorCode } from '@aside/core';
import { defaultErrorLabels, type LabelOverrides } from '@aside/react';

declare module '@aside/react' {
  interface AsideLabels {
    /** The labels of every `FollowersList` below the provider. */
    readonly followers?: LabelOverrides<FollowersListLabels>;
  }
}

/** Every visible string of the Followers list, with English defaults. */
export interface FollowersListLabels {
  readonly heading: string;
  readonly empty: string;
  readonly loading: string;
  readonly assignee: string;
  readonly remove: (name: string) => string;
  readonly removeHint: string;
  readonly showMore: (hidden: number) => string;
  readonly showMoreText: (hidden: number) => string;
  readonly removed: (name: string) => string;
  readonly undo: string;
  /** What the agent reads when a change fails, by the core's error code (the detail is in `title`). */
  readonly errors: Readonly<Record<AsideErrorCode, string>>;
  readonly dismissError: string;
  readonly addFollower: string;
  readonly searchAgents: string;
  readonly noMatches: string;
  /** Below the Add follower results when more agents match than it shows. */
  readonly moreMatches: (more: number) => string;
  readonly alreadyFollowing: string;
  readonly cannotView: string;
  readonly unknownAgent: string;
}

export const defaultFollowersLabels: FollowersListLabels = {
  heading: 'Followers',
  empty: 'No followers yet',
  loading: 'Loading followers…',
  assignee: 'Assignee',
  remove: (name) => `Remove ${name}`,
  removeHint: 'Press Delete to remove',
  showMore: (hidden) => `Show ${hidden} more followers`,
  showMoreText: (hidden) => `+${hidden}`,
  removed: (name) => `${name} removed`,
  undo: 'Undo',
  errors: defaultErrorLabels,
  dismissError: 'Dismiss',
  addFollower: 'Add follower',
  searchAgents: 'Search agents',
  noMatches: 'No matching agents',
  moreMatches: (more) => `${more} more — keep typing`,
  alreadyFollowing: 'Already following',
  cannotView: 'Cannot view',
  unknownAgent: 'Unknown agent',
};
