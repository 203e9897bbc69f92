import { useMentionPlan } from '@aside/react';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { mentionIdsIn } from '../extensions/mention-scan';
import type { ComposerLabels } from '../labels';

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
  const plan = useMentionPlan(conversationId, key ? key.split('\n') : []);
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
