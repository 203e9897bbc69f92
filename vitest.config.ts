import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from './aliases.ts';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const browser = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  }),
  instances: [{ browser: 'chromium' as const, name: `${name} (chromium)` }],
});

export default defineConfig({
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  test: {
    // expect.poll and expect.element wait for a state; 1 s (Vitest's default) would make each
    // of them a wall-clock bound, so they wait up to 10 s and pass as soon as the state holds.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/server/**'],
          setupFiles: ['test/setup/jsdom.ts'],
        },
      },
      {
        // The React hooks again, on React 18: hosts on either major are supported.
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: 'react18' },
            { find: /^react\/(.*)$/, replacement: 'react18/$1' },
            { find: /^react-dom$/, replacement: 'react-dom18' },
            { find: /^react-dom\/(.*)$/, replacement: 'react-dom18/$1' },
          ],
        },
        test: {
          name: 'react18',
          environment: 'jsdom',
          globals: true,
          include: ['test/{react,composer,followers,notifications}/**/*.test.tsx'],
          exclude: ['test/**/*.browser.test.tsx'],
          // ESM dependencies that import React are bundled so the React 18 aliases reach them.
          server: { deps: { inline: [/@tiptap\/react/, /@floating-ui\/react/] } },
          setupFiles: ['test/setup/react18.ts', 'test/setup/jsdom.ts'],
        },
      },
      {
        // The reference server (examples/workspace) against a real database: PGlite by default,
        // PostgreSQL when DATABASE_URL is set.
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          globals: true,
          include: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup/browser.ts'],
          browser: browser('browser'),
        },
      },
      {
        // Every story is a test: it renders, its play function passes, and axe finds nothing.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: browser('storybook'),
          setupFiles: ['.storybook/vitest.setup.ts'],
        },
      },
    ],
  },
});
