import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import { AsideProvider } from '@aside/react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

async function renderList(
  conversationId: string,
  props: Partial<Parameters<typeof FollowersList>[0]> = {},
) {
  const backend = createMemoryBackend();
  backend.updateConversation('conv-printer', () => ({ assigneeId: null, followerIds: [] }));
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  await store.ready;
  render(
    <AsideProvider store={store}>
      <FollowersList conversationId={conversationId} {...props} />
    </AsideProvider>,
  );
  return { backend, store };
}

describe('FollowersList', () => {
  it('R9: says "No followers yet" when nobody follows and nobody is assigned', async () => {
    await renderList('conv-printer');
    expect(await screen.findByText('No followers yet')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Followers' })).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('R10: with edit permission every follower chip has a named X, the assignee chip none', async () => {
    await renderList('conv-refund');
    expect(await screen.findByRole('button', { name: 'Remove Ada Lindqvist' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove Sam Rivera' })).not.toBeInTheDocument();
    expect(screen.getByText('Assignee')).toBeInTheDocument();
  });

  it('R4: the Add follower entry point is hidden when collaboration is off', async () => {
    const { backend } = await renderList('conv-refund');
    expect(await screen.findByRole('button', { name: /Add follower/ })).toBeInTheDocument();
    backend.setSettings({ collaborationEnabled: false });
    await screen.findByText('Ada Lindqvist');
    await expect
      .poll(() => screen.queryByRole('button', { name: /Add follower/ }))
      .not.toBeInTheDocument();
  });

  it('R9: every visible string comes from labels', async () => {
    await renderList('conv-printer', {
      labels: { heading: 'Abonnés', empty: 'Aucun abonné', addFollower: 'Ajouter' },
    });
    expect(await screen.findByText('Aucun abonné')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Abonnés' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Ajouter/ })).toBeInTheDocument();
  });
});
