/**
 * The rule editor's plain-language preview: about how many gifts a day a rule would give in each of its
 * stores at last week's volume. Rules are tried in order and an answer takes the first enabled rule that
 * fits, so answers an earlier rule without conditions takes never reach this one. Conditions on opt-in
 * or membership cannot be estimated from results, so such a rule's figure is an upper bound.
 */
import type { ScoreCounts } from "@sonrisa/shared/schemas/results";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { SCORES } from "@sonrisa/shared/scoring";

/** A store's answers per score over the last `days` days. */
export interface Volume {
  storeId: string;
  name: string;
  counts: ScoreCounts;
}

export interface StorePreview {
  storeId: string;
  name: string;
  /** Expected wins a day, after holdout, odds and the daily budget. */
  perDay: number;
  /** The daily budget is what limits it. */
  capped: boolean;
  /** Answers a day that reach this rule (before holdout and odds). */
  reaching: number;
}

const applies = (rule: SurpriseRule, storeId: string) => rule.stores === "all" || rule.stores.includes(storeId);
const covers = (rule: SurpriseRule, score: number) => score >= rule.minScore && score <= rule.maxScore;

export function previewRule(rules: SurpriseRule[], index: number, volumes: Volume[], days = 7): StorePreview[] {
  const rule = rules[index];
  if (!rule) return [];
  const earlier = rules.slice(0, index).filter((r) => r.enabled && !r.requireOptIn && !r.requireMember);
  const odds = rule.probability ?? (rule.everyNth ? 1 / rule.everyNth : 0);
  return volumes
    .filter((v) => applies(rule, v.storeId))
    .map((v) => {
      const reaching =
        SCORES.map(Number)
          .filter((score) => covers(rule, score) && !earlier.some((r) => applies(r, v.storeId) && covers(r, score)))
          .reduce((sum, score) => sum + v.counts[String(score) as keyof ScoreCounts], 0) / days;
      const wins = reaching * (1 - rule.holdoutPercent / 100) * odds;
      const capped = wins > rule.dailyBudget;
      return { storeId: v.storeId, name: v.name, perDay: capped ? rule.dailyBudget : wins, capped, reaching };
    })
    .sort((a, b) => b.perDay - a.perDay || a.name.localeCompare(b.name));
}
