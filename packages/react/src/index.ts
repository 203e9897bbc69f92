export { AsideProvider, type AsideProviderProps, useAsideStore } from './context';
export { useCustomisation } from './customisation';
export {
  useComposerState,
  useConversation,
  useCurrentAgent,
  useMentionSearch,
  useNotifications,
} from './hooks';
export { type Follower, useAddFollowerDecision, useFollowers } from './hooks-followers';
export { useMentionPlan } from './hooks-mentions';
export {
  type AsideLabels,
  defaultErrorLabels,
  type LabelOverrides,
  mergeLabels,
  type TextLabels,
} from './labels';
export {
  type ListNavigationOptions,
  listNavigationTarget,
  type UseListNavigationOptions,
  useListNavigation,
} from './list-navigation';
export { shallowEqualArrays, useAsideSelector } from './use-aside-selector';
export { type OlderMessages, useOlderMessages } from './use-older-messages';
export { type PortalTheme, type PortalThemeOptions, usePortalTheme } from './use-portal-theme';
