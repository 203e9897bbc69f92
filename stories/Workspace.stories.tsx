import { Composer } from '@aside/composer';
import { type AsideStore, createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import { MessagingUpdates, Toaster, type ToasterPlacement } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@aside/composer/styles.css';
import '@aside/followers/styles.css';
import '@aside/notifications/styles.css';

/** One agent's desk: followers, composer, Messaging updates and their own toaster. */
function AgentDesk({
  store,
  title,
  who,
  placement,
}: {
  store: AsideStore;
  title: string;
  /** Whose desk, so the two desks' landmarks have distinct names. */
  who: string;
  placement: ToasterPlacement;
}) {
  const [labels] = useState(() => ({
    followers: { heading: `Followers (${who})` },
    notifications: {
      region: `Notifications (${who})`,
      updatesHeading: `Messaging updates (${who})`,
    },
  }));
  // Reply / See conversation opens the conversation with the caret in the composer.
  const [opened, setOpened] = useState(0);
  return (
    <AsideProvider store={store}>
      <section aria-label={title} style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
        <h2 style={{ margin: 0, fontSize: '1rem' }}>{title}</h2>
        <FollowersList conversationId="conv-refund" labels={labels.followers} />
        <Composer key={opened} conversationId="conv-refund" autoFocus={opened > 0} />
        <MessagingUpdates
          labels={labels.notifications}
          onOpenConversation={() => setOpened((count) => count + 1)}
        />
        <Toaster
          labels={labels.notifications}
          placement={placement}
          onOpenConversation={() => setOpened((count) => count + 1)}
        />
      </section>
    </AsideProvider>
  );
}

/** Sam (assignee) and Jane Doe side by side on one in-memory backend: play the article's flow. */
function TwoAgents() {
  const [stores] = useState(() => {
    const backend = createMemoryBackend();
    const open = (agentId: string) =>
      createAsideStore({ adapters: backend.adaptersFor(agentId), currentAgentId: agentId });
    return { sam: open(demoAgents.sam.id), jane: open(demoAgents.jane.id) };
  });
  useEffect(
    () => () => {
      stores.sam.destroy();
      stores.jane.destroy();
    },
    [stores],
  );
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
        gap: 24,
      }}
    >
      <AgentDesk store={stores.sam} title="Sam Rivera (assignee)" who="Sam" placement="top-left" />
      <AgentDesk store={stores.jane} title="Jane Doe" who="Jane" placement="top-right" />
    </div>
  );
}

const meta = {
  title: 'Workspace/Two agents',
  component: TwoAgents,
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The whole flow in one place. As Sam, switch to **Internal note**, type `@Jan`, choose Jane Doe and submit: Jane joins the Followers list, and her toaster (upper right) shows the mention with **Reply**. Remove her with the X on her name box.',
      },
    },
  },
} satisfies Meta<typeof TwoAgents>;

export default meta;

/** The article's flow, played: Sam mentions Jane, she follows and gets a toast; Reply opens a note. */
export const Workspace: StoryObj<typeof meta> = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    const sam = within(await canvas.findByRole('region', { name: 'Sam Rivera (assignee)' }));
    const jane = within(canvas.getByRole('region', { name: 'Jane Doe' }));
    await expect(await sam.findByText('Ada Lindqvist')).toBeVisible();
    await expect(jane.getByRole('tab', { name: 'Public reply' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    await step('R2, R6: Sam mentions Jane in an internal note', async () => {
      await userEvent.click(sam.getByRole('tab', { name: 'Internal note' }));
      await userEvent.click(await sam.findByRole('textbox'));
      await userEvent.keyboard('Can you check this @Jan');
      await userEvent.click(await page.findByRole('option', { name: /Jane Doe/ }));
      await userEvent.click(sam.getByRole('button', { name: 'Add note' }));
      await expect(await sam.findByRole('button', { name: 'Remove Jane Doe' })).toBeVisible();
    });

    await step('R12: Jane gets the mention toast; Reply opens an internal note', async () => {
      const toasts = within(await page.findByRole('region', { name: 'Notifications (Jane)' }));
      const title = await toasts.findByText('Sam Rivera mentioned you in Refund for order #4821');
      // The toast fades in: wait for it to be shown rather than checking its first frame.
      await waitFor(() => expect(title).toBeVisible());
      await userEvent.click(toasts.getByRole('button', { name: 'Reply' }));
      await expect(await jane.findByRole('tab', { name: 'Internal note' })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(jane.getByRole('textbox')).toHaveFocus();
    });

    await step('R10: Sam removes Jane with the X on her name box', async () => {
      await userEvent.click(sam.getByRole('button', { name: 'Remove Jane Doe' }));
      await expect(sam.queryByRole('button', { name: 'Remove Jane Doe' })).toBeNull();
    });
  },
};
