export { Composer, type ComposerProps } from './components/Composer';
export { type ComposerToolbarProps, FormattingToolbar } from './components/FormattingToolbar';
export { LinkPopover, type LinkPopoverProps } from './components/LinkPopover';
export {
  type MentionComponents,
  MentionMenu,
  type MentionMenuProps,
  type MentionOptionProps,
} from './components/MentionMenu';
export { cleanPastedHtml } from './extensions/clean-pasted-html';
export { formattingExtensions } from './extensions/formatting';
export {
  type AsideMentionOptions,
  acceptsMentions,
  createAsideMention,
  type MentionGateState,
} from './extensions/mention-gate';
export {
  FORMATS,
  type FormatName,
  type FormattingState,
  formatShortcut,
  toggleFormat,
} from './formatting/formats';
export { currentLink, linkHref, removeLink, setLink } from './formatting/links';
export { useFormattingState } from './formatting/use-formatting-state';
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
