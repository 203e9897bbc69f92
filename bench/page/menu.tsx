import { Composer } from '@aside/composer';
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents, generateAgents } from '@aside/core/memory';
import { AsideProvider } from '@aside/react';
import { createRoot } from 'react-dom/client';
import '@aside/composer/styles.css';
import { percentile } from './latency';
import { waitFor } from './typing';

/**
 * `@` + one letter → listbox painted, over a 50,000-agent in-memory directory. The page times
 * from the letter's key event to the first frame that shows options; Playwright types.
 */
const samples: number[] = [];

export async function mountMenu() {
  const agents = [...Object.values(demoAgents), ...generateAgents(50_000)];
  const backend = createMemoryBackend({ agents });
  const store = createAsideStore({
    adapters: backend.adaptersFor(demoAgents.sam.id),
    currentAgentId: demoAgents.sam.id,
  });
  store.openConversation('conv-refund');
  store.setMode('conv-refund', 'internal-note');
  createRoot(document.getElementById('root')!).render(
    <AsideProvider store={store}>
      <Composer conversationId="conv-refund" mentionSearchDebounceMs={0} />
    </AsideProvider>,
  );
  await waitFor(() => !!document.querySelector('.ProseMirror'));
  let armed: number | null = null;
  document.addEventListener(
    'keydown',
    (event) => {
      if (/^[a-z]$/i.test(event.key) && !event.ctrlKey && !event.metaKey) armed = event.timeStamp;
    },
    { capture: true },
  );
  const watch = () => {
    if (armed !== null && document.querySelector('[role="listbox"] [role="option"]')) {
      const start = armed;
      armed = null;
      requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - start), 0));
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  return true;
}

export function menuOpenResult() {
  return { opens: samples.length, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}
