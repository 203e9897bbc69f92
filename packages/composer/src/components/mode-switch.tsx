import type { ComposerMode } from '@aside/core';
import { useListNavigation } from '@aside/react';
import type { ComposerLabels } from '../labels';
import { MODES, shortcutOf } from '../mode-shortcuts';
import { useMacShortcuts } from '../use-mac-shortcuts';
import { LockIcon, ReplyIcon } from './icons';

export interface ModeSwitchProps {
  readonly mode: ComposerMode;
  readonly onChange: (mode: ComposerMode) => void;
  readonly labels: ComposerLabels;
  readonly idOf: (mode: ComposerMode) => string;
  readonly panelId: string;
  readonly disabled?: boolean;
}

/** R1: WAI-ARIA tabs (arrow keys, Home/End, automatic activation) plus Mod+Alt+1/2 shortcuts. */
export function ModeSwitch({ mode, onChange, labels, idOf, panelId, disabled }: ModeSwitchProps) {
  const mac = useMacShortcuts();

  const navigate = useListNavigation({
    orientation: 'horizontal',
    wrap: true,
    count: MODES.length,
    onMove: (index) => {
      const next = MODES[index];
      if (!next) return;
      onChange(next);
      document.getElementById(idOf(next))?.focus();
    },
  });

  return (
    <div className="aside-mode-switch" role="tablist" aria-label={labels.modeSwitch}>
      {MODES.map((candidate) => {
        const selected = candidate === mode;
        const shortcut = shortcutOf(candidate, mac);
        return (
          <button
            key={candidate}
            type="button"
            role="tab"
            id={idOf(candidate)}
            className="aside-mode-switch__tab"
            data-mode={candidate}
            aria-selected={selected}
            aria-controls={panelId}
            aria-keyshortcuts={shortcut.aria}
            aria-disabled={disabled || undefined}
            title={`${labels.modes[candidate]} — ${labels.shortcutHint(shortcut.display)}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => !disabled && onChange(candidate)}
            onKeyDown={(event) => navigate(event, MODES.indexOf(mode))}
          >
            {candidate === 'internal-note' ? <LockIcon /> : <ReplyIcon />}
            <span>{labels.modes[candidate]}</span>
          </button>
        );
      })}
    </div>
  );
}
