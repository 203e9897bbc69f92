export { Composer, type ComposerProps } from './components/composer';
export { type ComposerToolbarProps, FormattingToolbar } from './components/formatting-toolbar';
export { LinkPopover, type LinkPopoverProps } from './components/link-popover';
export {
  type MentionComponents,
  MentionMenu,
  type MentionMenuProps,
  type MentionOptionProps,
} from './components/mention-menu';
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
