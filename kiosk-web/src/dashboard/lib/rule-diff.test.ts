import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { describe, expect, it } from "vitest";
import { diffRules } from "./rule-diff.ts";

const rule = (id: string, over: Partial<SurpriseRule> = {}): SurpriseRule => ({
  id,
  name: id,
  enabled: true,
  stores: "all",
  minScore: 4,
  maxScore: 5,
  requireOptIn: false,
  requireMember: false,
  probability: 0.35,
  dailyBudget: 20,
  holdoutPercent: 10,
  gift: { name: { es: "Café", en: "Coffee" }, stockItem: "coffee" },
  ...over,
});

describe("a revision's changes", () => {
  it("lists added, deleted and changed rules with the fields that changed", () => {
    const changes = diffRules([rule("a"), rule("b")], [rule("a", { enabled: false, dailyBudget: 5 }), rule("c")]);
    expect(changes).toEqual([
      {
        kind: "changed",
        rule: expect.objectContaining({ id: "a" }),
        fields: [
          { field: "enabled", before: true, after: false },
          { field: "dailyBudget", before: 20, after: 5 },
        ],
      },
      { kind: "added", rule: expect.objectContaining({ id: "c" }) },
      { kind: "removed", rule: expect.objectContaining({ id: "b" }) },
    ]);
  });

  it("sees a new order, and no change in a gift whose keys come back in another order", () => {
    const reordered = { ...rule("b"), gift: { stockItem: "coffee", name: { en: "Coffee", es: "Café" } } };
    expect(diffRules([rule("a"), rule("b")], [reordered, rule("a")])).toEqual([{ kind: "reordered" }]);
  });
});
