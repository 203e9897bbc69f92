import { Composer } from '@aside/composer';
import { type AsideStore, createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import { Toaster } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import { render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '@aside/composer/styles.css';
import '@aside/followers/styles.css';
import '@aside/notifications/styles.css';

const { sam, jane } = demoAgents;
const stores: AsideStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

/** Jane's side: her toaster; Reply opens the conversation in her composer, focused. */
function JaneWorkspace() {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-label="Jane's workspace">
      <Toaster onOpenConversation={(conversationId) => setOpen(conversationId)} />
      {open && <Composer conversationId={open} autoFocus />}
    </section>
  );
}

it('R2, R6, R9, R10, R12: the seed scenario end to end, with two agents on one backend', async () => {
  const backend = createMemoryBackend();
  const samStore = createAsideStore({
    adapters: backend.adaptersFor(sam.id),
    currentAgentId: sam.id,
  });
  const janeStore = createAsideStore({
    adapters: backend.adaptersFor(jane.id),
    currentAgentId: jane.id,
  });
  stores.push(samStore, janeStore);
  render(
    <>
      <AsideProvider store={samStore}>
        <section aria-label="Sam's workspace">
          <FollowersList conversationId="conv-refund" />
          <Composer conversationId="conv-refund" />
        </section>
      </AsideProvider>
      <AsideProvider store={janeStore}>
        <JaneWorkspace />
      </AsideProvider>
    </>,
  );
  const samSide = page.getByRole('region', { name: "Sam's workspace" });

  // Sam writes an internal note and mentions Jane ("@Jan", as in the article).
  await samSide.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(samSide.getByRole('textbox'));
  await userEvent.keyboard('Can you check this refund? @Jan');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await userEvent.keyboard('{Enter}');
  await expect.element(samSide.getByText('Jane Doe will be added as a follower')).toBeVisible();
  await userEvent.keyboard('{Control>}{Enter}{/Control}');

  // Jane appears in the Followers list…
  const followers = samSide.getByRole('region', { name: 'Followers' });
  await expect.element(followers.getByText('Jane Doe')).toBeVisible();
  expect(backend.conversation('conv-refund')?.followerIds).toContain(jane.id);

  // …and, although she is offline, her toaster shows the mention toast with Reply.
  expect(jane.status).toBe('offline');
  const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('listitem');
  await expect
    .element(toast)
    .toHaveTextContent('Sam Rivera mentioned you in Refund for order #4821');
  await toast.getByRole('button', { name: 'Reply', exact: true }).click();

  // Reply opens the conversation in Jane's composer, in Internal note, with the caret in it.
  const janeRegion = page.getByRole('region', { name: "Jane's workspace" });
  const janeEditor = janeRegion.getByRole('textbox');
  await expect.element(janeEditor).toBeVisible();
  await expect
    .element(janeRegion.getByRole('tab', { name: 'Internal note' }))
    .toHaveAttribute('aria-selected', 'true');
  const janeSide = document.querySelector('[aria-label="Jane\'s workspace"]')!;
  await expect
    .poll(() => janeSide.querySelector('.ProseMirror')?.contains(document.activeElement))
    .toBe(true);
  // Her answer, typed and sent by keyboard alone, is a note for Sam, never a reply to the customer.
  await userEvent.keyboard('On it, Sam.{Control>}{Enter}{/Control}');
  await expect
    .poll(() => backend.conversation('conv-refund')?.messages.at(-1)?.text)
    .toBe('On it, Sam.');
  expect(backend.conversation('conv-refund')?.messages.at(-1)?.kind).toBe('internal-note');

  // Sam removes Jane with the X on her name box.
  await followers.getByRole('button', { name: 'Remove Jane Doe' }).click();
  await expect.element(followers.getByText('Jane Doe')).not.toBeInTheDocument();
  await expect.poll(() => backend.conversation('conv-refund')?.followerIds).not.toContain(jane.id);
});
