import { Composer } from '@aside/composer';
import { createAsideStore, draftKey } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { createRoot, type Root } from 'react-dom/client';
import '@aside/composer/styles.css';
import { longNote, percentile, recordKeystrokeLatency } from './latency';

let root: Root | null = null;
const host = () => {
  root?.unmount();
  const element = document.getElementById('root')!;
  root = createRoot(element);
  return root;
};

/** The Aside composer in Internal note mode, holding a long draft. Resolves when it is editable. */
export async function mountAsideComposer(paragraphs: number) {
  const backend = createMemoryBackend();
  const adapters = backend.adaptersFor(demoAgents.sam.id);
  const doc = longNote(paragraphs);
  await adapters.drafts.save(draftKey(demoAgents.sam.id, 'conv-refund', 'internal-note'), {
    doc,
    text: '',
    updatedAt: 1,
  });
  const store = createAsideStore({ adapters, currentAgentId: demoAgents.sam.id });
  store.openConversation('conv-refund');
  store.setMode('conv-refund', 'internal-note');
  host().render(
    <AsideProvider store={store}>
      <Composer conversationId="conv-refund" />
    </AsideProvider>,
  );
  await waitFor(() => document.querySelectorAll('.ProseMirror p').length >= paragraphs);
}

function BareEditor({ paragraphs }: { paragraphs: number }) {
  const editor = useEditor({
    extensions: [StarterKit, Mention.configure({ suggestion: { items: () => [] } })],
    content: longNote(paragraphs),
  });
  return <EditorContent editor={editor} />;
}

/** A bare Tiptap editor (StarterKit + Mention) with the same content: the baseline. */
export async function bareTiptap(paragraphs: number) {
  host().render(<BareEditor paragraphs={paragraphs} />);
  await waitFor(() => document.querySelectorAll('.ProseMirror p').length >= paragraphs);
}

export async function waitFor(check: () => boolean, timeoutMs = 20_000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('Timed out waiting for the page');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let recording: ReturnType<typeof recordKeystrokeLatency> | null = null;

export function startLatency() {
  recording = recordKeystrokeLatency(document);
}

export async function stopLatency() {
  await new Promise((resolve) => setTimeout(resolve, 200));
  recording?.stop();
  const samples = recording?.samples ?? [];
  return {
    keystrokes: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
  };
}
