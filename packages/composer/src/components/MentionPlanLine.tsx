import { type AsideState, planMentions } from '@aside/core';
import { useAsideSelector } from '@aside/react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useCallback } from 'react';
import { mentionIdsIn } from '../extensions/mention-scan';
import type { ComposerLabels } from '../labels';

const selectPeople = (state: AsideState) => state.people;
const selectAgent = (state: AsideState) => state.currentAgent;
const selectSettings = (state: AsideState) => state.settings;

/** R6, R7: before submit, who the note will add as followers and who cannot view. */
export function MentionPlanLine({
  editor,
  conversationId,
  labels,
  id,
}: {
  readonly editor: Editor | null;
  readonly conversationId: string;
  readonly labels: ComposerLabels;
  readonly id: string;
}) {
  // Re-renders only when the set of mentioned ids changes, not on every keystroke.
  const key = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      current ? mentionIdsIn(current.state.doc).filter(Boolean).join('\n') : '',
  });
  const people = useAsideSelector(selectPeople);
  const agent = useAsideSelector(selectAgent);
  const settings = useAsideSelector(selectSettings);
  const conversation = useAsideSelector(
    useCallback(
      (state: AsideState) => state.conversations[conversationId]?.conversation ?? null,
      [conversationId],
    ),
  );
  const ids = key ? key.split('\n') : [];
  const plan =
    agent && settings && conversation && ids.length > 0
      ? planMentions(agent, conversation, settings, ids, (personId) => people[personId])
      : null;
  const added = plan?.add.map((person) => person.name) ?? [];
  const blind = plan?.cannotView.map((person) => person.name) ?? [];
  // Always rendered, so the live region exists before its words appear and they are announced.
  return (
    <div id={id} className="aside-composer__plan" role="status">
      {added.length > 0 && <p className="aside-composer__plan-add">{labels.willBeAdded(added)}</p>}
      {blind.length > 0 && (
        <p className="aside-composer__plan-warning">{labels.cannotView(blind)}</p>
      )}
    </div>
  );
}
