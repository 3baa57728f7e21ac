import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { describe, expect, it } from "vitest";
import { previewRule, type Volume } from "./rule-preview.ts";

const rule = (over: Partial<SurpriseRule> = {}): SurpriseRule => ({
  id: "happy",
  name: "Happy",
  enabled: true,
  stores: "all",
  minScore: 4,
  maxScore: 5,
  requireOptIn: false,
  requireMember: false,
  probability: 0.35,
  dailyBudget: 20,
  holdoutPercent: 10,
  gift: { name: { es: "Café", en: "Coffee" } },
  ...over,
});
// Last week: Madrid had 70 fours and 84 fives (22 happy answers a day), Gràcia 7 fives.
const volumes: Volume[] = [
  { storeId: "madrid", name: "Madrid Centro", counts: { "1": 7, "2": 0, "3": 14, "4": 70, "5": 84 } },
  { storeId: "gracia", name: "Gràcia", counts: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 7 } },
];

describe("the rule preview", () => {
  it("estimates gifts a day from last week's qualifying answers, holdout and odds", () => {
    const [madrid, gracia] = previewRule([rule()], 0, volumes);
    expect(madrid!.name).toBe("Madrid Centro");
    expect(madrid!.perDay).toBeCloseTo(22 * 0.9 * 0.35); // about 7
    expect(gracia!.perDay).toBeCloseTo(1 * 0.9 * 0.35);
  });

  it("is capped by the daily budget and counts every-Nth rules as 1 in N", () => {
    expect(previewRule([rule({ dailyBudget: 3 })], 0, volumes)[0]).toMatchObject({ perDay: 3, capped: true });
    const nth = rule({ probability: undefined, everyNth: 10, holdoutPercent: 0 });
    expect(previewRule([nth], 0, volumes)[0]!.perDay).toBeCloseTo(2.2);
  });

  it("leaves out answers an earlier enabled rule takes, and stores the rule does not apply to", () => {
    const first = rule({ id: "fives", stores: ["madrid"], minScore: 5 });
    const second = rule({ id: "fours" });
    const [madrid, gracia] = previewRule([first, second], 1, volumes);
    expect(madrid!.reaching).toBeCloseTo(10); // only the fours reach it in Madrid
    expect(gracia!.reaching).toBeCloseTo(1);
    expect(previewRule([rule({ stores: ["gracia"] })], 0, volumes).map((p) => p.storeId)).toEqual(["gracia"]);
    expect(previewRule([rule({ enabled: false }), second], 1, volumes)[0]!.reaching).toBeCloseTo(22);
  });
});
