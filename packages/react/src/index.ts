export { AsideProvider, type AsideProviderProps, useAsideStore } from './context';
export { useLabels, useLocale } from './customisation';
export {
  type Follower,
  useComposerState,
  useConversation,
  useCurrentAgent,
  useFollowers,
  useMentionSearch,
  useNotifications,
} from './hooks';
export { type AsideLabels, defaultErrorLabels, type LabelOverrides, mergeLabels } from './labels';
export { shallowEqualArrays, useAsideSelector } from './use-aside-selector';
