import type { ComposerMode } from '@aside/core';

export const MODES: readonly ComposerMode[] = ['public-reply', 'internal-note'];

const DIGIT: Record<ComposerMode, string> = { 'public-reply': '1', 'internal-note': '2' };

/** Mod+Alt+1 / Mod+Alt+2 switch modes. `event.code`, because Alt changes `event.key` on macOS. */
export function modeForShortcut(event: {
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly code: string;
  readonly isComposing?: boolean;
}): ComposerMode | null {
  if (event.isComposing || !event.altKey || event.shiftKey) return null;
  if (!(event.ctrlKey || event.metaKey)) return null;
  return MODES.find((mode) => event.code === `Digit${DIGIT[mode]}`) ?? null;
}

/** For `aria-keyshortcuts` (both platforms) and for the tooltip (the agent's platform). */
export function shortcutOf(mode: ComposerMode, mac: boolean) {
  const digit = DIGIT[mode];
  return {
    aria: `Control+Alt+${digit} Meta+Alt+${digit}`,
    display: mac ? `⌘⌥${digit}` : `Ctrl+Alt+${digit}`,
  };
}
