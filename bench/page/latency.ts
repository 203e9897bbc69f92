/** Keystroke-to-next-paint: from the key event to a task queued right after the next frame. */
export function recordKeystrokeLatency(target: EventTarget) {
  const samples: number[] = [];
  const onKey = (event: Event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      setTimeout(() => samples.push(performance.now() - start), 0);
    });
  };
  target.addEventListener('keydown', onKey, { capture: true });
  return {
    samples,
    stop: () => target.removeEventListener('keydown', onKey, { capture: true }),
  };
}

export const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

export const longNote = (paragraphs: number) => ({
  type: 'doc',
  content: Array.from({ length: paragraphs }, (_, index) => ({
    type: 'paragraph',
    content: [
      {
        type: 'text',
        // About 40 characters a line, so 2,000 lines stay within one note's caps (BODY_LIMITS).
        text: `Paragraph ${index + 1}: the refund has not arrived.`,
      },
    ],
  })),
});
