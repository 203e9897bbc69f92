export type { FollowerChipComponents, FollowerChipContentProps } from './follower-chip';
export { FollowersList, type FollowersListProps } from './followers-list';
export { defaultFollowersLabels, type FollowersListLabels } from './labels';
