import { Composer } from '@aside/composer';
import { FollowersList } from '@aside/followers';
import { MessagingUpdates, Toaster } from '@aside/notifications';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CSSProperties } from 'react';
import { expect, waitFor } from 'storybook/test';
import '@aside/composer/styles.css';
import '@aside/followers/styles.css';
import '@aside/notifications/styles.css';
import { storyEvent } from './notifications/notification-events';
import { withMemoryWorkspace } from './support/memory-workspace';

/** The theme tokens a host sets (README "Theming"); empty means the built-in palette. */
interface ThemeTokens {
  readonly accent: string;
  readonly surface: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly subtle: string;
  readonly focusRing: string;
  readonly radius: string;
  readonly space: string;
  readonly font: string;
  /** Where the components sit: following the page, or a wrapper forcing a scheme. */
  readonly wrapper: 'page' | 'light' | 'dark';
}

const TOKEN_NAMES: Record<Exclude<keyof ThemeTokens, 'wrapper'>, string> = {
  accent: '--aside-accent',
  surface: '--aside-surface',
  text: '--aside-text',
  muted: '--aside-muted',
  border: '--aside-border',
  subtle: '--aside-subtle',
  focusRing: '--aside-focus-ring',
  radius: '--aside-radius',
  space: '--aside-space',
  font: '--aside-font',
};

const open = () => {};

/** Every Aside component under one wrapper: the tokens set there restyle them all at once. */
function ThemedDesk({ wrapper, ...tokens }: ThemeTokens) {
  const style: Record<string, string> = {};
  for (const [key, name] of Object.entries(TOKEN_NAMES)) {
    const value = tokens[key as keyof typeof TOKEN_NAMES];
    if (value) style[name] = value;
  }
  const forced = wrapper === 'page' ? undefined : wrapper;
  return (
    <div
      data-testid="themed"
      data-aside-theme={forced}
      style={{
        ...(style as CSSProperties),
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
        gap: 16,
        padding: 16,
        // The wrapper's own page colours, so a forced scheme reads as a panel of that scheme.
        background: forced ? (forced === 'dark' ? '#15171a' : '#ffffff') : undefined,
        color: forced ? (forced === 'dark' ? '#f1f3f5' : '#1b1d20') : undefined,
      }}
    >
      <div style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
        <FollowersList conversationId="conv-refund" />
        <Composer conversationId="conv-refund" />
      </div>
      <MessagingUpdates onOpenConversation={open} />
      <Toaster
        onOpenConversation={open}
        duration={Number.POSITIVE_INFINITY}
        placement="bottom-right"
      />
    </div>
  );
}

const meta = {
  title: 'Theming/Tokens',
  component: ThemedDesk,
  args: {
    accent: '',
    surface: '',
    text: '',
    muted: '',
    border: '',
    subtle: '',
    focusRing: '',
    radius: '',
    space: '',
    font: '',
    wrapper: 'page',
  },
  argTypes: {
    accent: { control: 'color' },
    surface: { control: 'color' },
    text: { control: 'color' },
    muted: { control: 'color' },
    border: { control: 'color' },
    subtle: { control: 'color' },
    focusRing: { control: 'color' },
    radius: { control: 'text' },
    space: { control: 'text' },
    font: { control: 'text' },
    wrapper: { control: 'inline-radio', options: ['page', 'light', 'dark'] },
  },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'One set of `--aside-*` tokens read by every package. The controls set them on one wrapper: the composer, the follower chips, the Messaging updates list, the toast and the @mention menu (portalled to `<body>`, they carry their wrapper’s tokens, theme and direction with `usePortalTheme` from `@aside/react`) change together. `wrapper` forces `data-aside-theme` on the wrapper: the nearest one decides, in both directions; without one, the OS setting.',
      },
    },
  },
  decorators: [
    withMemoryWorkspace({
      prepare: (backend, store) => {
        void store.ready.then(() => backend.emit(storyEvent('theming-1')));
      },
    }),
  ],
} satisfies Meta<typeof ThemedDesk>;
export default meta;

type Story = StoryObj<typeof meta>;

const toast = () => document.querySelector<HTMLElement>('.aside-toast');
const backgrounds = (canvasElement: HTMLElement) => {
  const of = (element: Element | null) =>
    element ? getComputedStyle(element).backgroundColor : 'missing';
  return [
    of(canvasElement.querySelector('.aside-composer')),
    of(canvasElement.querySelector('.aside-updates')),
    of(toast()),
  ];
};

/** A brand's tokens: one change of each restyles all four components. */
export const Branded: Story = {
  args: {
    accent: '#7b2cbf',
    surface: '#fbf7ff',
    subtle: '#efe4fb',
    border: '#b9a3d0',
    radius: '14px',
    font: 'Georgia, serif',
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(toast()).not.toBeNull());
    await waitFor(() =>
      expect(backgrounds(canvasElement)).toEqual([
        'rgb(251, 247, 255)',
        'rgb(251, 247, 255)',
        'rgb(251, 247, 255)',
      ]),
    );
    const chip = canvasElement.querySelector('.aside-chip')!;
    await expect(getComputedStyle(chip).backgroundColor).toBe('rgb(239, 228, 251)');
  },
};

/** The built-in palette, following the page (the toolbar's Theme) or the OS. */
export const Defaults: Story = {};

/** A light panel in a dark page: light composer, chips, updates and toast alike. */
export const LightInDark: Story = {
  name: 'Light wrapper in a dark page',
  args: { wrapper: 'light' },
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(toast()).not.toBeNull());
    await waitFor(() =>
      expect(backgrounds(canvasElement)).toEqual([
        'rgb(255, 255, 255)',
        'rgb(255, 255, 255)',
        'rgb(255, 255, 255)',
      ]),
    );
  },
};

/** A dark panel in a light page: dark composer, chips, updates and toast alike. */
export const DarkInLight: Story = {
  name: 'Dark wrapper in a light page',
  args: { wrapper: 'dark' },
  parameters: { theme: 'light' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(toast()).not.toBeNull());
    await waitFor(() =>
      expect(backgrounds(canvasElement)).toEqual([
        'rgb(31, 34, 38)',
        'rgb(31, 34, 38)',
        'rgb(31, 34, 38)',
      ]),
    );
  },
};
