import type { Preview } from '@storybook/react-vite';
import { useEffect } from 'react';

/** Toolbar switches a designer needs: light/dark theme and text direction. */
const preview: Preview = {
  // A Docs page per component: its props table (from the TypeScript types) and every story.
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  // No initial globals: until a designer picks from the toolbar, a story's `theme` / `direction`
  // parameter (the Dark and RTL stories) or light / ltr applies; once picked, the toolbar wins.
  parameters: {
    layout: 'padded',
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
  },
  decorators: [
    (Story, context) => {
      const theme = context.globals.theme ?? context.parameters.theme ?? 'light';
      const direction = context.globals.direction ?? context.parameters.direction ?? 'ltr';
      useEffect(() => {
        document.documentElement.dataset.asideTheme = theme;
        document.documentElement.style.colorScheme = theme;
        document.body.style.background = theme === 'dark' ? '#15171a' : '#ffffff';
        document.body.style.color = theme === 'dark' ? '#f1f3f5' : '#1b1d20';
        document.documentElement.dir = direction;
      }, [theme, direction]);
      return (
        <div data-aside-theme={theme} dir={direction} lang="en">
          <Story />
        </div>
      );
    },
  ],
};

export default preview;
