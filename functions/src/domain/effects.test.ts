import { describe, expect, it } from "vitest";
import { creditCounters, exposureCounters } from "./effect-counters.ts";
import { applyEvent, ruleRevision } from "./effects.ts";
import type { ExposureRecord } from "./ports/effect-repository.ts";

const DAY = 86_400_000;
const T0 = "2026-03-02T11:00:00.000Z";
const after = (days: number) => new Date(Date.parse(T0) + days * DAY).toISOString();

const exposure = (over: Partial<ExposureRecord> = {}): ExposureRecord => ({
  contactId: "c1",
  kind: "surprise",
  ruleId: "r1",
  revision: "abc",
  group: "treatment",
  answerId: "a0",
  storeId: "madrid-centro",
  at: T0,
  date: T0.slice(0, 10),
  won: true,
  giftCost: 2.5,
  returned: [],
  joined: false,
  purchases: {},
  events: [],
  version: 0,
  ...over,
});

describe("crediting an event to an exposure", () => {
  it("counts a return in every window it falls within, and the visit's score as the next score", () => {
    const e = applyEvent(exposure(), { kind: "answer", id: "a1", at: after(10), score: 4 })!;
    expect(e.returned.sort((a, b) => a - b)).toEqual([30, 60]);
    expect(e.next).toEqual({ at: after(10), score: 4 });
    expect(creditCounters(exposure(), e)).toEqual({ tr30: 1, tr60: 1, tss: 4, tsn: 1 });
  });

  it("adds nothing for the same event twice, the exposing answer itself, an earlier event or one after 60 days", () => {
    const once = applyEvent(exposure(), { kind: "answer", id: "a1", at: after(3), score: 5 })!;
    expect(applyEvent(once, { kind: "answer", id: "a1", at: after(3), score: 5 })).toBeUndefined();
    expect(applyEvent(exposure(), { kind: "answer", id: "a0", at: after(1), score: 5 })).toBeUndefined();
    expect(applyEvent(exposure(), { kind: "answer", id: "x", at: after(-1), score: 5 })).toBeUndefined();
    expect(applyEvent(exposure(), { kind: "answer", id: "y", at: after(60.5), score: 5 })).toBeUndefined();
  });

  it("keeps the earliest visit's score when visits arrive out of order, moving the counters by the change", () => {
    const late = applyEvent(exposure(), { kind: "answer", id: "a2", at: after(20), score: 2 })!;
    const early = applyEvent(late, { kind: "answer", id: "a1", at: after(5), score: 5 })!;
    expect(early.next).toEqual({ at: after(5), score: 5 });
    expect(creditCounters(late, early)).toEqual({ tr7: 1, tss: 3 });
  });

  it("counts purchases and revenue per window, the squares per exposure, and joining", () => {
    const one = applyEvent(exposure({ group: "holdout", won: false }), {
      kind: "purchase",
      id: "p1",
      at: after(20),
      amount: 3000,
    })!;
    const two = applyEvent(one, { kind: "purchase", id: "p2", at: after(40), amount: 1000 })!;
    expect(two.purchases).toEqual({ 30: { count: 1, amount: 3000 }, 60: { count: 2, amount: 4000 } });
    expect(creditCounters(one, two)).toEqual({ hp60: 1, ha60: 1000, hq60: 4000 ** 2 - 3000 ** 2 });
    const joined = applyEvent(two, { kind: "joined", id: "m1", at: after(50) })!;
    expect(creditCounters(two, joined)).toEqual({ hj: 1 });
  });

  it("counts the exposure, its win and the gift's cost when it is made", () => {
    expect(exposureCounters(exposure())).toEqual({ tn: 1, tw: 1, tc: 2.5, tcn: 1 });
    expect(exposureCounters(exposure({ group: "holdout", won: false }))).toEqual({ hn: 1 });
  });
});

describe("a rule's revision", () => {
  const rule = {
    id: "r1",
    name: "Coffee",
    enabled: true,
    stores: "all" as const,
    minScore: 4,
    maxScore: 5,
    requireOptIn: false,
    requireMember: false,
    probability: 0.3,
    dailyBudget: 10,
    holdoutPercent: 10,
    gift: { name: { es: "Café", en: "Coffee" } },
  };
  it("changes with what decides the rule, not with its name or whether it is on", () => {
    expect(ruleRevision({ ...rule, name: "Renamed", enabled: false })).toBe(ruleRevision(rule));
    expect(ruleRevision({ ...rule, minScore: 3 })).not.toBe(ruleRevision(rule));
    expect(ruleRevision({ ...rule, holdoutPercent: 20 })).not.toBe(ruleRevision(rule));
  });
});
