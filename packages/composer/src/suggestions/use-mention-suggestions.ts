import { useSyncExternalStore } from 'react';
import { CLOSED, type MentionSuggestions, type MentionSuggestionsState } from './controller';

const closed = () => CLOSED;

/**
 * The mention menu's state and actions, for hosts that draw their own menu. Re-renders only
 * when the suggestion state changes, never on ordinary keystrokes.
 */
export function useMentionSuggestions(
  suggestions: MentionSuggestions,
): MentionSuggestionsState & Pick<MentionSuggestions, 'highlight' | 'choose' | 'close' | 'retry'> {
  const state = useSyncExternalStore(suggestions.subscribe, suggestions.getSnapshot, closed);
  return {
    ...state,
    highlight: suggestions.highlight,
    choose: suggestions.choose,
    close: suggestions.close,
    retry: suggestions.retry,
  };
}
