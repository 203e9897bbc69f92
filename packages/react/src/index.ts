export { AsideProvider, type AsideProviderProps, useAsideStore } from './context';
export {
  type Follower,
  useComposerState,
  useConversation,
  useCurrentAgent,
  useFollowers,
  useMentionSearch,
  useNotifications,
} from './hooks';
export { shallowEqualArrays, useAsideSelector } from './use-aside-selector';
export { type OlderMessages, useOlderMessages } from './use-older-messages';
