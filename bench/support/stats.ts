/** Small statistics and timing helpers for the benches. */

/** The q-quantile (0–1) of the samples, nearest-rank method; NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);

/** Rounds to a number of decimals, so the table does not show noise digits. */
export function round(value: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Milliseconds since `start` (a `performance.now()` reading). */
export function since(start: number): number {
  return performance.now() - start;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight; resolves when all are done. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** A progress line on stderr, at most every `everyMs`, so long loads show they are alive. */
export function progress(label: string, everyMs = 10_000) {
  let last = 0;
  return (message: () => string, force = false) => {
    const now = performance.now();
    if (!force && now - last < everyMs) return;
    last = now;
    process.stderr.write(`[${label}] ${message()}\n`);
  };
}
