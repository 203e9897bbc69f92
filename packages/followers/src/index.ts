export { FollowersList, type FollowersListProps } from './followers-list';
export type { FollowersListLabels } from './labels';
