import { fileURLToPath } from 'node:url';

const pkg = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

/** Workspace packages resolve to their sources in tests and Storybook, so no build is needed first. */
export const workspaceAliases = [
  {
    find: /^@aside\/(composer|followers|notifications)\/styles\.css$/,
    replacement: pkg('$1/src/styles.css'),
  },
  { find: /^@aside\/core\/memory$/, replacement: pkg('core/src/memory/index.ts') },
  { find: /^@aside\/core$/, replacement: pkg('core/src/index.ts') },
  { find: /^@aside\/react$/, replacement: pkg('react/src/index.ts') },
  { find: /^@aside\/composer$/, replacement: pkg('composer/src/index.ts') },
  {
    find: /^@aside\/composer\/rich-text$/,
    replacement: pkg('composer/src/rich-text-view.tsx'),
  },
  { find: /^@aside\/followers$/, replacement: pkg('followers/src/index.ts') },
  { find: /^@aside\/notifications$/, replacement: pkg('notifications/src/index.ts') },
];
