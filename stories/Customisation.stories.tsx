import { Composer, type MentionOptionProps } from '@aside/composer';
import { RichTextView } from '@aside/composer/rich-text';
import type { RichTextNode } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { type FollowerChipContentProps, FollowersList } from '@aside/followers';
import {
  type MessageBodyProps,
  MessagingUpdates,
  type ToastBodyProps,
  Toaster,
} from '@aside/notifications';
import type { AsideLabels } from '@aside/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '@aside/composer/styles.css';
import '@aside/followers/styles.css';
import '@aside/notifications/styles.css';
import { storyEvent } from './notifications/notification-events';
import { withMemoryWorkspace } from './support/memory-workspace';

/** Set once on AsideProvider: every component below reads them. */
const providerLabels: AsideLabels = {
  composer: {
    modes: { 'public-reply': 'Réponse publique', 'internal-note': 'Note interne' },
    submit: { 'public-reply': 'Envoyer', 'internal-note': 'Ajouter la note' },
    willBeAdded: (names) => `${names.join(', ')} suivra cette conversation`,
  },
  followers: { heading: 'Abonnés', addFollower: 'Ajouter un abonné' },
  notifications: {
    region: 'Notifications',
    updatesHeading: 'Mises à jour',
    reply: 'Répondre',
    replyTo: (subject) => `Répondre dans ${subject}`,
    mentioned: (actor, subject) => `${actor} vous a mentionné dans ${subject}`,
    unreadCount: (count) => `${count} non lu${count > 1 ? 's' : ''}`,
  },
};

/** Render slots: the same data, drawn the host's way; focus, keys and ARIA stay Aside's. */
const MentionOption = ({ agent, hintLabel }: MentionOptionProps) => (
  <span className="story-option">
    <strong>{agent.name}</strong> · {agent.role}
    {hintLabel && <em> ({hintLabel})</em>}
  </span>
);
const FollowerChip = ({ name, isAssignee }: FollowerChipContentProps) => (
  <span className="story-chip">
    {isAssignee ? '★ ' : ''}
    {name}
  </span>
);
const ToastBody = ({ toast }: ToastBodyProps) => (
  <p className="story-toast-body">« {toast.event.excerpt} »</p>
);
const MessageBody = ({ event }: MessageBodyProps) =>
  event.body ? <RichTextView body={event.body} links={false} /> : event.excerpt;

const body: RichTextNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'mention', attrs: { id: demoAgents.sam.id, label: 'Sam Rivera' } },
        { type: 'text', text: ' peux-tu vérifier le ' },
        { type: 'text', text: 'remboursement', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' ?' },
      ],
    },
  ],
};

const open = () => {};

function CustomisedDesk() {
  return (
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
      }}
    >
      <div style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
        {/* A component's own labels win over the provider's, key by key. */}
        <FollowersList
          conversationId="conv-refund"
          className="story-followers"
          labels={{ heading: 'Qui suit ce dossier' }}
          components={{ FollowerChip }}
        />
        <Composer
          conversationId="conv-refund"
          className="story-composer"
          components={{ MentionOption }}
        />
      </div>
      <MessagingUpdates
        onOpenConversation={open}
        className="story-updates"
        components={{ MessageBody }}
      />
      <Toaster
        onOpenConversation={open}
        className="story-toaster"
        duration={Number.POSITIVE_INFINITY}
        placement="bottom-right"
        components={{ ToastBody }}
      />
    </div>
  );
}

const meta = {
  title: 'Customisation/Labels and slots',
  component: CustomisedDesk,
  parameters: {
    layout: 'padded',
    docs: {
      description: {
        component:
          'One customisation model: `labels` and `locale` set once on `AsideProvider` (by package: `composer`, `followers`, `notifications`), each component’s own `labels` merged over them key by key; `className` on every root, the Toaster’s too; render slots through `components` (`MentionOption`, `FollowerChip`, `ToastBody`, `MessageBody`).',
      },
    },
  },
  decorators: [
    withMemoryWorkspace({
      labels: providerLabels,
      locale: 'fr-FR',
      prepare: (backend, store) => {
        void store.ready.then(() =>
          backend.emit(
            storyEvent('custom-1', {
              excerpt: '@Sam Rivera peux-tu vérifier le remboursement ?',
              body,
            }),
          ),
        );
      },
    }),
  ],
} satisfies Meta<typeof CustomisedDesk>;
export default meta;

type Story = StoryObj<typeof meta>;

export const LabelsAndSlots: Story = {
  name: 'Provider labels, per-component override, slots',
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    // Provider labels reach the composer; the followers' own heading wins over the provider's.
    await expect(await canvas.findByRole('tab', { name: /Réponse publique/ })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Qui suit ce dossier' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Mises à jour' })).toBeVisible();
    // Slots: the chip, the toast body and the updates row's rich message.
    await expect(canvas.getAllByText(/★ Sam Rivera/)[0]).toBeVisible();
    await waitFor(() =>
      expect(canvasElement.ownerDocument.querySelector('.story-toast-body')).not.toBeNull(),
    );
    await waitFor(() =>
      expect(canvasElement.querySelector('.aside-updates strong')?.textContent).toBe(
        'remboursement',
      ),
    );
    // The mention option slot, inside Aside's listbox option.
    await userEvent.click(canvas.getByRole('tab', { name: /Note interne/ }));
    await userEvent.click(canvas.getByRole('textbox'));
    await userEvent.keyboard('@Jan');
    await expect(await page.findByRole('option', { name: /Jane Doe · agent/ })).toBeVisible();
    await userEvent.keyboard('{Escape}');
  },
};
