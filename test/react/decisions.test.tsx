import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import {
  AsideProvider,
  useAddFollowerDecision,
  useComposerState,
  useFollowers,
  useMentionPlan,
} from '@aside/react';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { settle } from '../core/helpers';

async function mountAs(agentId: string, ui: ReactNode) {
  const backend = createMemoryBackend();
  const store = createAsideStore({
    adapters: backend.adaptersFor(agentId),
    currentAgentId: agentId,
  });
  render(<AsideProvider store={store}>{ui}</AsideProvider>);
  await act(() => settle());
  return { backend, store };
}

/** Shows a decision as text: "yes", "no: <reason>" or "loading". */
const shown = (decision: { allowed: boolean; reason?: string } | null) =>
  decision === null ? 'loading' : decision.allowed ? 'yes' : `no: ${decision.reason}`;

function MentionDecision({ conversationId }: { conversationId: string }) {
  const { mentions, composer } = useComposerState(conversationId);
  return <output aria-label={`mentions in ${composer?.mode}`}>{shown(mentions)}</output>;
}

function FollowerDecisions({ conversationId }: { conversationId: string }) {
  const { canAdd, adding, canRemove, removing } = useFollowers(conversationId);
  const decideAdd = useAddFollowerDecision(conversationId);
  return (
    <>
      <output aria-label="add">{`${canAdd} ${shown(adding)}`}</output>
      <output aria-label="remove">{`${canRemove} ${shown(removing)}`}</output>
      <output aria-label="add Ada">{shown(decideAdd(demoAgents.ada))}</output>
      <output aria-label="add Jane">{shown(decideAdd(demoAgents.jane))}</output>
    </>
  );
}

function Plan({ ids }: { ids: readonly string[] }) {
  const plan = useMentionPlan('conv-refund', ids);
  return (
    <>
      <output aria-label="adds">{plan?.add.map((agent) => agent.name).join(', ')}</output>
      <output aria-label="cannot view">
        {plan?.cannotView.map((agent) => agent.name).join(', ')}
      </output>
    </>
  );
}

describe('hooks return the core decisions with their reasons', () => {
  it('R3, R4: useComposerState gives the mention decision for the current mode, not always for a note', async () => {
    const { store } = await mountAs(
      demoAgents.sam.id,
      <MentionDecision conversationId="conv-live" />,
    );
    expect(screen.getByRole('status', { name: 'mentions in public-reply' })).toHaveTextContent(
      'no: public-reply',
    );
    act(() => store.setMode('conv-live', 'internal-note'));
    expect(screen.getByRole('status', { name: 'mentions in internal-note' })).toHaveTextContent(
      'no: live-chat',
    );
  });

  it('R4: a mid-note settings change reaches the decision with its reason', async () => {
    const { store, backend } = await mountAs(
      demoAgents.sam.id,
      <MentionDecision conversationId="conv-refund" />,
    );
    act(() => store.setMode('conv-refund', 'internal-note'));
    expect(screen.getByRole('status', { name: 'mentions in internal-note' })).toHaveTextContent(
      'yes',
    );
    await act(async () => {
      backend.setSettings({ collaborationEnabled: false });
      await settle();
    });
    expect(screen.getByRole('status', { name: 'mentions in internal-note' })).toHaveTextContent(
      'no: collaboration-off',
    );
  });

  it('R6, R10: useFollowers gives canAdd and canRemove with reasons; one agent is decided on its own', async () => {
    await mountAs(demoAgents.sam.id, <FollowerDecisions conversationId="conv-refund" />);
    expect(screen.getByRole('status', { name: 'add' })).toHaveTextContent('true yes');
    expect(screen.getByRole('status', { name: 'remove' })).toHaveTextContent('true yes');
    expect(screen.getByRole('status', { name: 'add Ada' })).toHaveTextContent(
      'no: already-participant',
    );
    expect(screen.getByRole('status', { name: 'add Jane' })).toHaveTextContent('yes');
  });

  it('R4, R10: a light agent sees why it may neither add nor remove followers', async () => {
    await mountAs(demoAgents.lee.id, <FollowerDecisions conversationId="conv-refund" />);
    expect(screen.getByRole('status', { name: 'add' })).toHaveTextContent(
      'false no: role-cannot-add-followers',
    );
    expect(screen.getByRole('status', { name: 'remove' })).toHaveTextContent(
      'false no: role-cannot-remove-followers',
    );
  });

  it('R6, R7: useMentionPlan names who a note adds and who cannot view the conversation', async () => {
    const { store } = await mountAs(
      demoAgents.sam.id,
      <Plan ids={[demoAgents.jane.id, demoAgents.nora.id, demoAgents.ada.id]} />,
    );
    // The composer has the conversation open, and the directory answered for the agents picked.
    await act(async () => {
      store.openConversation('conv-refund');
      await settle();
      store.setMode('conv-refund', 'internal-note');
      await store.searchMentions('conv-refund', 'Jane');
      await store.searchMentions('conv-refund', 'Nora');
    });
    expect(screen.getByRole('status', { name: 'adds' })).toHaveTextContent('Jane Doe, Nora Blake');
    expect(screen.getByRole('status', { name: 'cannot view' })).toHaveTextContent('Nora Blake');
  });
});
