// Size budgets: min+gzip bytes of each package's own ESM code as a host bundles it (esbuild,
// React and the other @aside packages external). `pnpm size` fails when a package grows past one.
// Each number is the goal from the performance issue, or the measured size plus headroom where
// the goal is far away; the `why` says which.
export const budgets = {
  '@aside/core': {
    bytes: 11_200,
    why: 'Goal was about 8 kB min+gz; 8.2 kB with the one rich-text schema and every write decision servers share (issue 10) and the people ranking with recent collaborators (issue 12). Measured 10.89 kB since protocol v2 (issue 11: versioned change handling with the version gate and reloads, paging with older messages, the page/change validators) and the shared decisions (issue 13: selectors, the mention gate, the avatar rule). A host that imports part of the core pays only for that part: the composer takes 0.9 kB of it (module-level code stays tree-shakable: no spreads, factories and frozen constants marked pure).',
  },
  '@aside/react': {
    bytes: 3_020,
    why: 'Provider and hooks, plus the customisation layer every UI package shares (issue 13): provider labels and locale, the labels merge and the default error texts (moved out of the composer, so composerTotal carries them once). 1.81 kB with that layer; measured 2.51 kB with the hooks over the shared decisions (mention plan and search, follower hooks), the list-navigation hook and older-message paging (issues 11, 13). Measured 2.96 kB (+2% headroom) with usePortalTheme, the one hook that carries the theme across a portal for the toaster and the mention menu (moved out of @aside/notifications, whose budget dropped by the same 420 bytes).',
  },
  '@aside/composer': {
    bytes: 12_000,
    why: 'Own code only (Tiptap and Floating UI are counted in composerTotal).',
  },
  '@aside/followers': {
    bytes: 3_050,
    why: 'Goal: about 3 kB (Garden tags measure 8.4 kB). 3.03 kB with the Undo offer that waits while focused, provider labels, the chip render slot and friendly error texts; the avatar rule, the list navigation and the labels merge now live in core and react, shared.',
  },
  '@aside/notifications': {
    bytes: 9_280,
    why: "Goal: no larger than sonner (9.7 kB measured on 2026-11-25); aim for react-hot-toast's 4.8 kB. Lowered by 420 bytes, the budget @aside/react gained, when the toaster's portal-theme hook moved there as usePortalTheme (measured 4.80 kB before, 4.44 kB after).",
  },
  composerTotal: {
    bytes: 138_900,
    why: 'Goal: composer with every dependency (Tiptap, Floating UI, core, react) under the bare Tiptap trio (143.0 kB) and 0.75 × the Liveblocks Composer (0.75 × 185.2 = 138.9 kB), both measured by `pnpm bench`. Measured 138.1 kB: 139.9 kB after protocol v2 and issue 13 until the core validators became tree-shakable (−2.0 kB). Importing the list nodes from @tiptap/extension-list subpaths would save 3.2 kB here but makes a host with its own StarterKit bundle the lists twice (+4 kB in the tiptap-latest consumer), so the composer imports the root.',
  },
};
