import type { AsideErrorCode } from '@aside/core';
import { defaultErrorLabels, type LabelOverrides, type TextLabels } from '@aside/react';

declare module '@aside/react' {
  interface AsideLabels {
    /** The labels of every `FollowersList` below the provider. */
    readonly followers?: LabelOverrides<FollowersListLabels>;
  }
}

/** The list's plain strings: its heading, states, chips and Undo. */
type ListText =
  | 'heading'
  | 'empty'
  | 'loading'
  | 'assignee'
  | 'removeHint'
  | 'undo'
  | 'dismissError';
/** Add follower's plain strings: the button, the search and its options' hints. */
type SearchText = 'addFollower' | 'searchAgents' | 'noMatches' | 'alreadyFollowing' | 'cannotView';

/** Every visible string of the Followers list, with English defaults. */
export interface FollowersListLabels extends TextLabels<ListText | SearchText | 'unknownAgent'> {
  readonly remove: (name: string) => string;
  readonly showMore: (hidden: number) => string;
  readonly showMoreText: (hidden: number) => string;
  readonly removed: (name: string) => string;
  /** What the agent reads when a change fails, by the core's error code (the detail is in `title`). */
  readonly errors: Readonly<Record<AsideErrorCode, string>>;
  /** Below the Add follower results when more agents match than it shows. */
  readonly moreMatches: (more: number) => string;
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
