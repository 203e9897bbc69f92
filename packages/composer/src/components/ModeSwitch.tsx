import type { ComposerMode } from '@aside/core';
import { type KeyboardEvent, useRef } from 'react';
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
  const tabs = useRef<Partial<Record<ComposerMode, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = MODES.indexOf(mode);
    const last = MODES.length - 1;
    const targets: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: last,
    };
    let target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // In right-to-left text the arrows point the other way.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    if (rtl && event.key.startsWith('Arrow')) target = 2 * index - target;
    const next = MODES[(target + MODES.length) % MODES.length];
    if (!next) return;
    onChange(next);
    tabs.current[next]?.focus();
  };

  return (
    <div className="aside-mode-switch" role="tablist" aria-label={labels.modeSwitch}>
      {MODES.map((candidate) => {
        const selected = candidate === mode;
        const shortcut = shortcutOf(candidate, mac);
        return (
          <button
            key={candidate}
            ref={(element) => {
              tabs.current[candidate] = element;
            }}
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
            onKeyDown={onKeyDown}
          >
            {candidate === 'internal-note' ? <LockIcon /> : <ReplyIcon />}
            <span>{labels.modes[candidate]}</span>
          </button>
        );
      })}
    </div>
  );
}
