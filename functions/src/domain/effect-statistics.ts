/**
 * The statistics of the effect report, pure: Wilson's interval for a proportion, Newcombe's hybrid score
 * interval for a difference of two proportions (his method 10, 1998), a normal interval for a difference of
 * means (revenue), and how many more exposures a two-group test needs to detect a given difference.
 */

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;
/** z for 80 % power. */
const Z80 = 0.8416212335729143;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson's score interval for `x` successes in `n` trials (n > 0). */
export function wilson(x: number, n: number, z = Z95): Interval {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A difference of proportions p1 − p2 with Newcombe's interval; undefined when either group is empty. */
export function newcombe(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z = Z95,
): ({ estimate: number } & Interval) | undefined {
  if (n1 <= 0 || n2 <= 0) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const a = wilson(x1, n1, z);
  const b = wilson(x2, n2, z);
  const d = p1 - p2;
  return {
    estimate: d,
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}

/** Sums of a per-exposure amount (revenue): how many, their sum and the sum of their squares. */
export interface Moments {
  n: number;
  sum: number;
  squares: number;
}

/** A difference of means with a normal (Welch) interval; undefined with fewer than 2 in a group. */
export function meanDifference(a: Moments, b: Moments, z = Z95): ({ estimate: number } & Interval) | undefined {
  if (a.n < 2 || b.n < 2) return undefined;
  const variance = (m: Moments) => Math.max(0, (m.squares - (m.sum * m.sum) / m.n) / (m.n - 1));
  const d = a.sum / a.n - b.sum / b.n;
  const se = Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  return { estimate: d, low: d - z * se, high: d + z * se };
}

/**
 * The total exposures (both groups) a test at 5 % with 80 % power needs to detect `delta` around the base
 * rate `p`, when a fraction `holdout` of them is held out: N = (zα + zβ)² · (pq/(1−h) + pq/h) / δ².
 * The base rate is kept within [5 %, 95 %] so an early run of zeros does not promise a tiny sample.
 */
export function requiredExposures(p: number, holdout: number, delta = 0.05): number {
  const base = Math.min(0.95, Math.max(0.05, p));
  const h = Math.min(0.5, Math.max(0.01, holdout));
  const pq = base * (1 - base);
  return Math.ceil(((Z95 + Z80) ** 2 * (pq / (1 - h) + pq / h)) / (delta * delta));
}
