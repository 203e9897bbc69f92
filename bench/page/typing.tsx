import {
  Composer,
  createAsideMention,
  createMentionSuggestions,
  formattingExtensions,
} from '@aside/composer';
import { createAsideStore, draftKey } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import Mention from '@tiptap/extension-mention';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Profiler } from 'react';
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

/** Draft saves that reached the DraftStore, and React commits inside the composer. */
const counters = { saves: 0, composerCommits: 0 };

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
  const save = adapters.drafts.save.bind(adapters.drafts);
  adapters.drafts.save = async (...args) => {
    await save(...args);
    counters.saves++;
  };
  const store = createAsideStore({ adapters, currentAgentId: demoAgents.sam.id });
  typingStore = store;
  store.openConversation('conv-refund');
  store.setMode('conv-refund', 'internal-note');
  host().render(
    <AsideProvider store={store}>
      <Profiler id="composer" onRender={() => counters.composerCommits++}>
        <Composer conversationId="conv-refund" />
      </Profiler>
    </AsideProvider>,
  );
  await waitFor(() => document.querySelectorAll('.ProseMirror p').length >= paragraphs);
}

export const countersNow = () => ({ ...counters });

let typingStore: ReturnType<typeof createAsideStore> | null = null;

/** Resolves once the draft in the store ends with `text`: the last save after typing landed. */
export async function asideDraftSettled(text: string) {
  await waitFor(() =>
    (
      typingStore?.getSnapshot().composers['conv-refund']?.drafts['internal-note'].text ?? ''
    ).endsWith(text),
  );
}

/** Exactly Aside's schema and extensions (its public building blocks), with no Aside state around. */
function SameSchemaEditor({ paragraphs }: { paragraphs: number }) {
  const editor = useEditor({
    extensions: [
      ...formattingExtensions({ placeholder: () => '' }),
      ...createAsideMention({
        gate: () => ({ mode: 'internal-note', mentions: { allowed: true } }),
        suggestions: createMentionSuggestions({
          search: async () => ({ suggestions: [], total: 0 }),
        }),
      }),
    ],
    content: longNote(paragraphs),
  });
  return <EditorContent editor={editor} />;
}

function StarterKitEditor({ paragraphs }: { paragraphs: number }) {
  const editor = useEditor({
    extensions: [StarterKit, Mention.configure({ suggestion: { items: () => [] } })],
    content: longNote(paragraphs),
  });
  return <EditorContent editor={editor} />;
}

/** Baseline 1: bare Tiptap with Aside's exact schema. Baseline 2: StarterKit + Mention. */
export async function bareTiptap(paragraphs: number, kind: 'same-schema' | 'starter-kit') {
  host().render(
    kind === 'same-schema' ? (
      <SameSchemaEditor paragraphs={paragraphs} />
    ) : (
      <StarterKitEditor paragraphs={paragraphs} />
    ),
  );
  await waitFor(() => document.querySelectorAll('.ProseMirror p').length >= paragraphs);
}

export async function waitFor(check: () => boolean, timeoutMs = 20_000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('Timed out waiting for the page');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A deliberate long task: self-checks prove that observers and CDP metrics see one. */
export function busy(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

let recording: ReturnType<typeof recordKeystrokeLatency> | null = null;

export function startLatency() {
  recording = recordKeystrokeLatency(document);
}

export async function stopLatency() {
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  recording?.stop();
  const samples = recording?.samples ?? [];
  return {
    keystrokes: samples.length,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
  };
}
