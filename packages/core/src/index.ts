export type * from './adapters';
export { draftKey } from './adapters';
export { type AvatarContent, avatarOf, initialsOf } from './avatar';
export { applyChange } from './changes';
export { AsideError, type AsideErrorCode } from './errors';
export {
  gateMentions,
  type MentionGate,
  type MentionOffReason,
  mentionGate,
} from './mention-gate';
export {
  type AddFollowerRefusal,
  accessOf,
  canAddFollower,
  canMention,
  canRemoveFollower,
  canView,
  canWrite,
  type Decision,
  isMentionable,
  type MentionHint,
  type MentionPlan,
  type MentionUnavailableReason,
  mentionHint,
  planMentions,
  type RemoveFollowerRefusal,
} from './policy';
export {
  EMPTY_DOC,
  extractMentionIds,
  isBlankText,
  isEmptyDoc,
  stripMentions,
  toPlainText,
} from './rich-text';
export { notificationsForMessage } from './routing';
export {
  createMentionIndex,
  DEFAULT_SUGGESTION_LIMIT,
  foldName,
  type MentionIndex,
} from './search';
export * from './selectors';
export { createStorageDraftStore, type KeyValueStorage } from './storage-drafts';
export { createAsideStore } from './store/create-store';
export type {
  AsideState,
  ComposerState,
  ConversationState,
  NotificationItem,
  NotificationsState,
  Toast,
} from './store/state';
export type {
  AsideStore,
  AsideStoreOptions,
  MentionSearchResult,
  MentionSuggestion,
  SubmitOutcome,
} from './store/store-api';
export * from './submission';
export type * from './types';
export { UNREADABLE_MESSAGE_TEXT } from './validate';
