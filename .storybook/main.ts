import type { StorybookConfig } from '@storybook/react-vite';
import { workspaceAliases } from '../aliases.ts';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen-typescript' },
  // `storybook dev` and the story tests read the packages' sources (fast reloads, no build).
  // `storybook build` resolves @aside/* like a host does, through each package's `exports`,
  // so the published Storybook shows the built `dist/` (run `pnpm build` first).
  viteFinal: async (viteConfig, { configType }) => ({
    ...viteConfig,
    resolve: {
      ...viteConfig.resolve,
      alias: [
        ...(configType === 'PRODUCTION' ? [] : workspaceAliases),
        ...((viteConfig.resolve?.alias as []) ?? []),
      ],
    },
  }),
};

export default config;
