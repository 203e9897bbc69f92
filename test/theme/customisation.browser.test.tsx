import type { MentionOptionProps } from '@aside/composer';
import type { FollowerChipContentProps } from '@aside/followers';
import type { MessageBodyProps, ToastBodyProps } from '@aside/notifications';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { demoAgents, renderAll, roots } from './render-all';

const FollowerChip = ({ name, isAssignee }: FollowerChipContentProps) => (
  <span data-testid="chip-slot">
    {name}
    {isAssignee ? ' (owner)' : ''}
  </span>
);

const ToastBody = ({ toast }: ToastBodyProps) => (
  <p data-testid="toast-slot">Quote: {toast.event.excerpt}</p>
);

const MessageBody = ({ event }: MessageBodyProps) => (
  <span data-testid="row-slot">From {event.actorName}</span>
);

const MentionOption = ({ agent, active }: MentionOptionProps) => (
  <span data-testid="option-slot" data-active={active || undefined}>
    {agent.name} ({agent.role})
  </span>
);

const region = () => page.getByRole('region', { name: /Notifications|Alerts/ });

describe('one customisation model', () => {
  it('issue 13 labels: set once on AsideProvider reach every component; a component’s own labels win, key by key', async () => {
    await renderAll({
      provider: {
        labels: {
          composer: { submit: { 'public-reply': 'Reply to customer' } },
          followers: { heading: 'Watchers', addFollower: 'Invite' },
          notifications: { region: 'Alerts', updatesHeading: 'Inbox' },
        },
      },
      followers: { labels: { heading: 'People following' } },
    });
    // Provider label (nested map merged: the other mode keeps its default).
    await expect.element(page.getByRole('button', { name: 'Reply to customer' })).toBeVisible();
    await page.getByRole('tab', { name: 'Internal note' }).click();
    await expect.element(page.getByRole('button', { name: 'Add note' })).toBeVisible();
    // Component override beats the provider; the provider's other followers label stays.
    await expect.element(page.getByRole('heading', { name: 'People following' })).toBeVisible();
    expect(page.getByRole('heading', { name: 'Watchers' }).elements()).toHaveLength(0);
    await expect.element(page.getByRole('button', { name: 'Invite' })).toBeVisible();
    // The portalled toaster and the updates list read the provider's notifications labels.
    await expect.element(page.getByRole('region', { name: 'Alerts' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  });

  it('issue 13 locale: the provider’s locale is each component’s lang, the toaster’s too', async () => {
    await renderAll({ provider: { locale: 'de-DE' } });
    const { composer, chip, updates, toast } = roots();
    expect(composer.lang).toBe('de-DE');
    expect(chip.closest('.aside-followers')?.getAttribute('lang')).toBe('de-DE');
    expect(updates.lang).toBe('de-DE');
    expect(toast!.closest('.aside-toaster')?.getAttribute('lang')).toBe('de-DE');
  });

  it('issue 13 className: every component root takes the host’s class, the portalled toaster too', async () => {
    await renderAll({
      composer: { className: 'host-composer' },
      followers: { className: 'host-followers' },
      updates: { className: 'host-updates' },
      toaster: { className: 'host-toaster' },
    });
    const { composer, chip, updates, toast } = roots();
    expect(composer).toHaveClass('aside-composer', 'host-composer');
    expect(chip.closest('.aside-followers')).toHaveClass('host-followers');
    expect(updates).toHaveClass('aside-updates', 'host-updates');
    expect(toast!.closest('section')).toHaveClass('aside-toaster', 'host-toaster');
  });

  it('R9, R12, R14: render slots draw the follower chip, the toast body and the updates row message', async () => {
    await renderAll({
      followers: { components: { FollowerChip } },
      toaster: { components: { ToastBody } },
      updates: { components: { MessageBody } },
    });
    const slots = page.getByTestId('chip-slot');
    await expect.element(slots.nth(0)).toHaveTextContent('Sam Rivera (owner)');
    await expect.element(slots.nth(1)).toHaveTextContent('Jane Doe');
    // The chip itself stays Aside's: focusable, removable with its labelled X.
    await expect.element(page.getByRole('button', { name: 'Remove Jane Doe' })).toBeVisible();
    await expect
      .element(region().getByTestId('toast-slot'))
      .toHaveTextContent('Quote: Can you check the refund went through?');
    await expect.element(region().getByRole('button', { name: 'Reply' })).toBeVisible();
    await expect.element(page.getByTestId('row-slot')).toHaveTextContent('From Jane Doe');
  });

  it('R2: the MentionOption slot draws each agent in the @mention menu, still a listbox option', async () => {
    await renderAll({ composer: { components: { MentionOption } }, notify: false });
    await page.getByRole('tab', { name: 'Internal note' }).click();
    await userEvent.click(page.getByRole('textbox'));
    await userEvent.keyboard('@Jane');
    const option = page.getByRole('option', { name: 'Jane Doe (agent)' });
    await expect.element(option).toBeVisible();
    await expect.element(option.getByTestId('option-slot')).toHaveAttribute('data-active');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('textbox')).toHaveTextContent('@Jane Doe');
  });

  it('R11: a failed follower change shows a friendly text by error code, the server’s own text only in the title', async () => {
    const { backend } = await renderAll({ notify: false });
    backend.fail('removeFollower', 1, 'Conversation conv-refund is not loaded yet');
    await page.getByRole('button', { name: `Remove ${demoAgents.jane.name}` }).click();
    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent('The change could not be saved. Try again.');
    expect(alert.element().textContent).not.toContain('not loaded');
    expect(alert.element().querySelector('[title]')?.getAttribute('title')).toContain(
      'Conversation conv-refund is not loaded yet',
    );
  });
});
