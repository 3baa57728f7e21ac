/**
 * The rule form's state: what a person edits (a percentage, one way of picking winners, a store list) and
 * the rule it saves. Checked with the shared SurpriseRules schema over the whole list, as the API does, so
 * a duplicate identifier is caught too; issues come back keyed by the form's fields.
 */
import { type SurpriseRule, SurpriseRules } from "@sonrisa/shared/schemas/surprises";
import type { Messages } from "../messages.ts";
import { type Issue, pathKey } from "./field-errors.ts";

export interface RuleDraft {
  id: string;
  name: string;
  enabled: boolean;
  allStores: boolean;
  stores: string[];
  minScore: number;
  maxScore: number;
  pick: "probability" | "everyNth";
  probabilityPct: number;
  everyNth: number;
  dailyBudget: number;
  holdoutPercent: number;
  requireOptIn: boolean;
  requireMember: boolean;
  giftEs: string;
  giftEn: string;
  stockItem: string;
}

export function newRuleDraft(): RuleDraft {
  return {
    id: "",
    name: "",
    enabled: true,
    allStores: true,
    stores: [],
    minScore: 4,
    maxScore: 5,
    pick: "probability",
    probabilityPct: 25,
    everyNth: 10,
    dailyBudget: 10,
    holdoutPercent: 10,
    requireOptIn: false,
    requireMember: false,
    giftEs: "",
    giftEn: "",
    stockItem: "",
  };
}

export function ruleDraftOf(rule: SurpriseRule): RuleDraft {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    allStores: rule.stores === "all",
    stores: rule.stores === "all" ? [] : rule.stores,
    minScore: rule.minScore,
    maxScore: rule.maxScore,
    pick: rule.everyNth !== undefined ? "everyNth" : "probability",
    probabilityPct: Math.round((rule.probability ?? 0.25) * 10_000) / 100,
    everyNth: rule.everyNth ?? 10,
    dailyBudget: rule.dailyBudget,
    holdoutPercent: rule.holdoutPercent,
    requireOptIn: rule.requireOptIn,
    requireMember: rule.requireMember,
    giftEs: rule.gift.name.es,
    giftEn: rule.gift.name.en,
    stockItem: rule.gift.stockItem ?? "",
  };
}

export function ruleOf(d: RuleDraft): SurpriseRule {
  return {
    id: d.id,
    name: d.name,
    enabled: d.enabled,
    stores: d.allStores ? "all" : d.stores,
    minScore: d.minScore,
    maxScore: d.maxScore,
    requireOptIn: d.requireOptIn,
    requireMember: d.requireMember,
    ...(d.pick === "probability"
      ? { probability: Math.round(d.probabilityPct * 100) / 10_000 }
      : { everyNth: d.everyNth }),
    dailyBudget: d.dailyBudget,
    holdoutPercent: d.holdoutPercent,
    gift: { name: { es: d.giftEs, en: d.giftEn }, ...(d.stockItem ? { stockItem: d.stockItem } : {}) },
  };
}

/** Where each of a rule's fields sits in the form. */
const FORM_FIELD: Record<string, string> = {
  probability: "probabilityPct",
  "gift.name.es": "giftEs",
  "gift.name.en": "giftEn",
  "gift.stockItem": "stockItem",
};

/** Issues of the rule at `index` once the list holds it, keyed by form field (a duplicate id under `id`). */
export function checkRule(rules: SurpriseRule[], index: number): Issue[] {
  const parsed = SurpriseRules.safeParse({ rules });
  if (parsed.success) return [];
  return (parsed.error.issues as Issue[]).flatMap((issue) => {
    if (issue.path.length === 1) return [{ ...issue, path: ["id"], params: { problem: "duplicate_id" } }];
    if (issue.path[1] !== index) return [];
    const field = pathKey(issue.path.slice(2));
    // "minScore must not exceed maxScore" shows under the highest score, next to the two choices.
    if (field === "minScore" && issue.code === "custom") return [{ ...issue, path: ["maxScore"] }];
    return [{ ...issue, path: [FORM_FIELD[field] ?? field] }];
  });
}

const RANGES: Record<string, [number, number]> = {
  everyNth: [1, 100_000],
  dailyBudget: [0, 100_000],
  holdoutPercent: [0, 50],
};

export function wordRuleIssue(issue: Issue, t: Messages): string {
  const e = t.ruleEditor.errors;
  const v = t.validation;
  const key = pathKey(issue.path);
  if (key === "id") return issue.params?.problem === "duplicate_id" ? e.idTaken : t.storeForm.errors.slug;
  if (key === "maxScore" && issue.code === "custom") return e.scoreOrder;
  if (key === "stores") return e.stores;
  if (key === "probabilityPct") return e.percent;
  if (key === "stockItem") return t.storeForm.errors.slug;
  const range = RANGES[key];
  if (range) return issue.code === "invalid_type" ? v.required : v.range(...range);
  if (issue.code === "too_big" && issue.origin === "string") return v.tooLong(Number(issue.maximum));
  if (issue.code === "too_small" || issue.code === "invalid_type") return v.required;
  return v.check;
}
