export { Composer, type ComposerProps } from './components/Composer';
export { MentionMenu, type MentionMenuProps } from './components/MentionMenu';
export { formattingExtensions } from './extensions/formatting';
export {
  type AsideMentionOptions,
  acceptsMentions,
  createAsideMention,
  type MentionGateState,
} from './extensions/mention-gate';
export {
  type ComposerLabelOverrides,
  type ComposerLabels,
  defaultComposerLabels,
} from './labels';
export {
  createMentionSuggestions,
  type MentionSuggestions,
  type MentionSuggestionsState,
} from './suggestions/controller';
export { useMentionSuggestions } from './suggestions/use-mention-suggestions';
