// Every figure the bench reports is a median over rounds with its spread; a ratio never travels
// without the range of its per-round values.

export const round = (value, digits = 2) => Number(value.toFixed(digits));

/** Median and min–max of per-round values. */
export function spread(values, digits = 2) {
  if (values.length === 0) throw new Error('No rounds to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    median: round(median, digits),
    min: round(sorted[0], digits),
    max: round(sorted[sorted.length - 1], digits),
    rounds: values.length,
  };
}

/** Per-round ratios a[i] / b[i], summarised. */
export const ratioSpread = (a, b, digits = 3) =>
  spread(
    a.map((value, index) => value / b[index]),
    digits,
  );

/** "0.95 (0.90–1.02, 5 rounds)" */
export const show = (s, unit = '') =>
  `${s.median}${unit} (${s.min}–${s.max}${unit}, ${s.rounds} rounds)`;

/** A self-check that failed: the run stops instead of reporting a figure it cannot trust. */
export function refuse(what) {
  throw new Error(`Self-check failed, nothing reported: ${what}`);
}
