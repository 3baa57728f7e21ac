import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScoreCounts } from "./schemas/results.ts";
import { csatOf, emptyCounts, indexOf, mergeCounts, rankScoreOf, SCORES, totalOf } from "./scoring.ts";

const counts = fc
  .tuple(...SCORES.map(() => fc.nat({ max: 1_000_000 })))
  .map(([a, b, c, d, e]) => ({ "1": a, "2": b, "3": c, "4": d, "5": e }) as ScoreCounts);

describe("scoring", () => {
  it("the total is the sum of the counts", () => {
    fc.assert(fc.property(counts, (c) => totalOf(c) === c["1"] + c["2"] + c["3"] + c["4"] + c["5"]));
  });

  it("CSAT, index and rank score stay within 0–100", () => {
    fc.assert(
      fc.property(counts, (c) => {
        for (const v of [csatOf(c), indexOf(c), rankScoreOf(c)]) {
          if (v !== null && (v < 0 || v > 100)) return false;
        }
        return true;
      }),
    );
  });

  it("merging two ranges gives the results of both together", () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const merged = mergeCounts(a, b);
        return totalOf(merged) === totalOf(a) + totalOf(b) && SCORES.every((s) => merged[s] === a[s] + b[s]);
      }),
    );
  });

  it("merging is order-independent and empty is neutral", () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        expect(mergeCounts(a, b)).toEqual(mergeCounts(b, a));
        expect(mergeCounts(a, emptyCounts())).toEqual(a);
      }),
    );
  });

  it("maps the mean score onto 0–100 and CSAT counts 4–5", () => {
    expect(indexOf({ "1": 1, "2": 0, "3": 0, "4": 0, "5": 1 })).toBe(50);
    expect(indexOf({ "1": 0, "2": 0, "3": 0, "4": 0, "5": 7 })).toBe(100);
    expect(csatOf({ "1": 1, "2": 1, "3": 0, "4": 1, "5": 1 })).toBe(50);
    expect(csatOf(emptyCounts())).toBeNull();
  });

  it("does not rank 3 perfect answers above 3,000 answers at 90 % happy", () => {
    const small = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 3 };
    const large = { "1": 150, "2": 0, "3": 150, "4": 700, "5": 2000 };
    expect(csatOf(small)).toBeGreaterThan(csatOf(large)!);
    expect(rankScoreOf(large)).toBeGreaterThan(rankScoreOf(small));
  });

  it("ranks more evidence of the same share higher", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 2, max: 20 }), (n, k) => {
        const few = { "1": n, "2": 0, "3": 0, "4": 0, "5": n };
        const many = { "1": n * k, "2": 0, "3": 0, "4": 0, "5": n * k };
        return rankScoreOf(many) >= rankScoreOf(few);
      }),
    );
  });
});
