// Size budgets: min+gzip bytes of each package's own ESM code as a host bundles it (esbuild,
// React and the other @aside packages external). `pnpm size` fails when a package grows past one.
// Each number is the goal from the performance issue, or the measured size plus headroom where
// the goal is far away; the `why` says which.
export const budgets = {
  '@aside/core': {
    bytes: 8_400,
    why: 'Goal: about 8 kB min+gz. 8.2 kB since the core carries the one rich-text schema and every write decision servers share (issue 10) and the people ranking with recent collaborators (issue 12).',
  },
  '@aside/react': {
    bytes: 1_900,
    why: 'Provider and hooks, plus the customisation layer every UI package shares (issue 13): provider labels and locale, the labels merge and the default error texts (moved out of the composer, so composerTotal carries them once). Measured 1.81 kB.',
  },
  '@aside/composer': {
    bytes: 12_000,
    why: 'Own code only (Tiptap and Floating UI are counted in composerTotal).',
  },
  '@aside/followers': {
    bytes: 3_200,
    why: 'Goal: about 3 kB (Garden tags measure 8.4 kB). 3.02 kB since the Undo offer waits while focused and a rollback keeps focus in the list; 3.15 kB with provider labels, the chip render slot and friendly error texts (issue 13); shrink back when the avatar and list-navigation code is shared (issue 13).',
  },
  '@aside/notifications': {
    bytes: 9_700,
    why: "Goal: no larger than sonner (9.7 kB measured on 2026-11-25); aim for react-hot-toast's 4.8 kB.",
  },
  composerTotal: {
    bytes: 138_900,
    why: 'Goal: composer with every dependency (Tiptap, Floating UI, core, react) under the bare Tiptap trio (143.0 kB) and 0.75 × the Liveblocks Composer (0.75 × 185.2 = 138.9 kB), both measured by `pnpm bench`.',
  },
};
