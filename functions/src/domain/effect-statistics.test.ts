import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meanDifference, newcombe, requiredExposures, wilson } from "./effect-statistics.ts";

/** mulberry32: a small seeded generator, so every run of the simulation draws the same groups. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binomial(random: () => number, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (random() < p) x++;
  return x;
}

/** The share of simulated experiments whose 95 % interval covers the true difference. */
function coverage(seed: number, runs: number, n1: number, p1: number, n2: number, p2: number): number {
  const random = seeded(seed);
  let covered = 0;
  for (let run = 0; run < runs; run++) {
    const d = newcombe(binomial(random, n1, p1), n1, binomial(random, n2, p2), n2)!;
    if (d.low <= p1 - p2 && p1 - p2 <= d.high) covered++;
  }
  return covered / runs;
}

describe("Newcombe's interval, by simulation", () => {
  const scenarios = [
    { name: "a 9-point uplift, 50 % holdout", n1: 400, p1: 0.29, n2: 400, p2: 0.2 },
    { name: "a 5-point uplift, 10 % holdout", n1: 1800, p1: 0.35, n2: 200, p2: 0.3 },
    { name: "a 15-point uplift on a low base, small groups", n1: 120, p1: 0.2, n2: 60, p2: 0.05 },
  ];
  for (const s of scenarios) {
    it(`covers the true uplift in 93–97 % of 2,000 experiments: ${s.name}`, () => {
      const share = coverage(20261130, 2000, s.n1, s.p1, s.n2, s.p2);
      expect(share).toBeGreaterThanOrEqual(0.93);
      expect(share).toBeLessThanOrEqual(0.97);
    });
  }

  it("includes 0 in about 95 % of experiments when the gift does nothing", () => {
    for (const [seed, p] of [
      [1, 0.3],
      [2, 0.12],
      [3, 0.55],
    ] as const) {
      const share = coverage(seed, 2000, 500, p, 500, p);
      expect(share).toBeGreaterThanOrEqual(0.93);
      expect(share).toBeLessThanOrEqual(0.97);
    }
  });

  it("excludes 0 most of the time when a 10-point uplift meets 1,000 people a group", () => {
    const random = seeded(7);
    let excluded = 0;
    for (let run = 0; run < 500; run++) {
      if (newcombe(binomial(random, 1000, 0.4), 1000, binomial(random, 1000, 0.3), 1000)!.low > 0) excluded++;
    }
    expect(excluded / 500).toBeGreaterThan(0.95);
  });
});

describe("interval shapes", () => {
  it("keeps the estimate inside its interval and both ends within [-1, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((n1) =>
          fc.tuple(
            fc.constant(n1),
            fc.integer({ min: 0, max: n1 }),
            fc.integer({ min: 1, max: 5000 }).chain((n2) => fc.tuple(fc.constant(n2), fc.integer({ min: 0, max: n2 }))),
          ),
        ),
        ([n1, x1, [n2, x2]]) => {
          const d = newcombe(x1, n1, x2, n2)!;
          return (
            d.low <= d.estimate + 1e-12 && d.estimate <= d.high + 1e-12 && d.low >= -1 - 1e-9 && d.high <= 1 + 1e-9
          );
        },
      ),
    );
  });

  it("matches Newcombe's published example (56/70 against 48/80: 0.0524 to 0.3339)", () => {
    const d = newcombe(56, 70, 48, 80)!;
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
    const w = wilson(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 3);
    expect(w.high).toBeCloseTo(0.3662, 3);
  });

  it("gives no difference for an empty group", () => {
    expect(newcombe(0, 0, 3, 10)).toBeUndefined();
  });
});

describe("revenue difference, by simulation", () => {
  it("covers the true difference of mean revenue in 93–97 % of experiments", () => {
    const random = seeded(99);
    // Half the people buy; a buyer spends an exponential amount (mean 40 € treated, 30 € held out).
    const draw = (n: number, mean: number) => {
      const m = { n, sum: 0, squares: 0 };
      for (let i = 0; i < n; i++) {
        const v = random() < 0.5 ? -mean * Math.log(1 - random()) : 0;
        m.sum += v;
        m.squares += v * v;
      }
      return m;
    };
    let covered = 0;
    for (let run = 0; run < 1000; run++) {
      const d = meanDifference(draw(600, 40), draw(600, 30))!;
      if (d.low <= 5 && 5 <= d.high) covered++;
    }
    expect(covered / 1000).toBeGreaterThanOrEqual(0.93);
    expect(covered / 1000).toBeLessThanOrEqual(0.97);
  });
});

describe("how many exposures a 5-point difference needs", () => {
  it("needs about 2,500 in all at a 30 % base rate and a 50 % holdout, more with a smaller holdout", () => {
    const even = requiredExposures(0.3, 0.5);
    expect(even).toBeGreaterThan(2400);
    expect(even).toBeLessThan(2700);
    expect(requiredExposures(0.3, 0.1)).toBeGreaterThan(even * 2.5);
  });
});
