import { randomUUID } from "node:crypto";
import { GIFT_CODE_ALPHABET, type SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { describe, expect, it } from "vitest";
import { answerCounters } from "./day-aggregate.ts";
import type { PlannedAnswer } from "./ports/answer-writer.ts";
import { drawWins, giftCode, inHoldout, qualifyingRule } from "./surprises.ts";
import { assignWins } from "./win-assignment.ts";

const rule: SurpriseRule = {
  id: "r1",
  name: "Test",
  enabled: true,
  stores: "all",
  minScore: 4,
  maxScore: 5,
  requireOptIn: false,
  requireMember: false,
  probability: 1,
  dailyBudget: 3,
  holdoutPercent: 0,
  gift: { name: { es: "Café", en: "Coffee" } },
};

function planned(score: number, date = "2026-11-22", r: SurpriseRule = rule, present = true): PlannedAnswer {
  const item = { id: randomUUID(), at: `${date}T10:00:00Z`, score };
  return {
    item,
    storeId: "madrid-centro",
    deviceId: "d1",
    atUtc: item.at,
    receivedAt: item.at,
    localDate: date,
    localHour: 11,
    misuse: false,
    counters: answerCounters(item, 11, false),
    surprise: {
      rule: r,
      group: "treatment",
      present,
      candidate: present && (drawWins(r, item.id) || r.everyNth !== undefined),
    },
  };
}

describe("surprise decisions", () => {
  it("qualifies by score, store, opt-in and never for misuse", () => {
    const base = { id: "x", score: 5, optedIn: false, member: false, misuse: false };
    expect(qualifyingRule([rule], "madrid-centro", base)).toBe(rule);
    expect(qualifyingRule([rule], "madrid-centro", { ...base, score: 3 })).toBeUndefined();
    expect(qualifyingRule([rule], "madrid-centro", { ...base, misuse: true })).toBeUndefined();
    expect(qualifyingRule([{ ...rule, requireOptIn: true }], "madrid-centro", base)).toBeUndefined();
    expect(qualifyingRule([{ ...rule, stores: ["mexico-roma"] }], "madrid-centro", base)).toBeUndefined();
    expect(qualifyingRule([{ ...rule, enabled: false }], "madrid-centro", base)).toBeUndefined();
  });

  it("splits about the holdout share by answer id, the same way every time", () => {
    const ids = Array.from({ length: 5000 }, () => randomUUID());
    const held = ids.filter((id) => inHoldout(id, 20)).length / ids.length;
    expect(held).toBeGreaterThan(0.18);
    expect(held).toBeLessThan(0.22);
    const again = ids.map((id) => inHoldout(id, 20));
    expect(ids.map((id) => inHoldout(id, 20))).toEqual(again);
  });

  it("makes 6-character codes without look-alikes, reproducibly", () => {
    const code = giftCode("answer-1", 0);
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect([...code].every((c) => GIFT_CODE_ALPHABET.includes(c))).toBe(true);
    expect(code).not.toMatch(/[01OIL]/);
    expect(giftCode("answer-1", 0)).toBe(code);
    expect(giftCode("answer-1", 1)).not.toBe(code);
  });

  it("never assigns more wins than the budget left", () => {
    const answers = Array.from({ length: 10 }, () => planned(5));
    const wins = assignWins(answers, [{ rule, used: 1 }], "2026-11-22", 0);
    expect(wins.wonByRule.get("r1")).toBe(2);
    expect([...wins.decisions.values()].filter((d) => d.outcome === "budget")).toHaveLength(8);
  });

  it("lets every Nth treatment answer win, counting across batches", () => {
    const nth: SurpriseRule = { ...rule, probability: undefined, everyNth: 3, dailyBudget: 100 };
    const answers = Array.from({ length: 7 }, () => planned(5, "2026-11-22", nth));
    const wins = assignWins(answers, [{ rule: nth, used: 0, nthCount: 1 }], "2026-11-22", 0);
    // counts 2..8: the 3rd and 6th overall win, which are answers #2 and #5 of this batch.
    const outcomes = answers.map((a) => wins.decisions.get(a.item.id)?.outcome);
    expect(outcomes).toEqual(["lost", "won", "lost", "lost", "won", "lost", "lost"]);
    expect(wins.nthSeenByRule.get(nth.id)).toBe(7);
  });

  it("lets no answer win whose shopper is not at the screen, and does not count it towards every Nth", () => {
    const nth: SurpriseRule = { ...rule, probability: undefined, everyNth: 2, dailyBudget: 100 };
    const answers = [true, false, true, false, true].map((present) => planned(5, "2026-11-22", nth, present));

    const wins = assignWins(answers, [{ rule: nth, used: 0, nthCount: 0 }], "2026-11-22", 0);

    const outcomes = answers.map((a) => wins.decisions.get(a.item.id)?.outcome);
    expect(outcomes).toEqual(["lost", "absent", "won", "absent", "lost"]);
    expect(wins.nthSeenByRule.get(nth.id)).toBe(3);
  });

  it("does not let an answer from an earlier local day win, nor exceed stock", () => {
    const stocked: SurpriseRule = { ...rule, dailyBudget: 100, gift: { ...rule.gift, stockItem: "coffee" } };
    const late = planned(5, "2026-11-21", stocked);
    const today = [planned(5, "2026-11-22", stocked), planned(5, "2026-11-22", stocked)];
    const wins = assignWins(
      [late, ...today],
      [{ rule: stocked, used: 0, stock: { item: "coffee", quantity: 3, reserved: 2 } }],
      "2026-11-22",
      0,
    );
    expect(wins.decisions.get(late.item.id)?.outcome).toBe("late");
    expect(today.map((a) => wins.decisions.get(a.item.id)?.outcome)).toEqual(["won", "stock"]);
  });
});
