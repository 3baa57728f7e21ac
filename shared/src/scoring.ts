/** Scoring math: totals, CSAT, the 0–100 index and a ranking that respects sample size. */
import type { ScoreCounts } from "./schemas/results.ts";

export const SCORES = ["1", "2", "3", "4", "5"] as const;

export function emptyCounts(): ScoreCounts {
  return { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 };
}

export function totalOf(counts: ScoreCounts): number {
  return SCORES.reduce((sum, s) => sum + counts[s], 0);
}

/** Adding counts is how two ranges merge: results of A∪B equal merge(results A, results B). */
export function mergeCounts(a: ScoreCounts, b: ScoreCounts): ScoreCounts {
  const out = emptyCounts();
  for (const s of SCORES) out[s] = a[s] + b[s];
  return out;
}

/** Share of 4–5 answers, 0–100 with one decimal; null when there are no answers. */
export function csatOf(counts: ScoreCounts): number | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  return round1(((counts["4"] + counts["5"]) / total) * 100);
}

/** Mean score mapped from 1–5 onto 0–100 (1 → 0, 3 → 50, 5 → 100); null when empty. */
export function indexOf(counts: ScoreCounts): number | null {
  const total = totalOf(counts);
  if (total === 0) return null;
  const sum = SCORES.reduce((acc, s) => acc + Number(s) * counts[s], 0);
  return round1(((sum / total - 1) / 4) * 100);
}

/**
 * Ranking score: the Wilson lower bound (95 %) of the share of happy answers, 0–100.
 * A store with 3 perfect answers gets about 44, one with 3,000 answers at 90 % gets about 89,
 * so small samples cannot outrank large ones by luck.
 */
export function rankScoreOf(counts: ScoreCounts): number {
  const n = totalOf(counts);
  if (n === 0) return 0;
  const z = 1.959964;
  const p = (counts["4"] + counts["5"]) / n;
  const denom = 1 + (z * z) / n;
  const centre = p + (z * z) / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p) + (z * z) / (4 * n)) / n);
  return round1(Math.max(0, (centre - margin) / denom) * 100);
}

export const RANKING_METHOD = "Wilson lower bound (95 %) of the share of 4–5 answers";

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Scores a 4-face kiosk sends: 1, 2, 4, 5 (no neutral face). */
export function facesFor(scale: 4 | 5): number[] {
  return scale === 4 ? [1, 2, 4, 5] : [1, 2, 3, 4, 5];
}

export type Sentiment = "positive" | "neutral" | "negative";
export function sentimentOf(score: number): Sentiment {
  return score >= 4 ? "positive" : score <= 2 ? "negative" : "neutral";
}
