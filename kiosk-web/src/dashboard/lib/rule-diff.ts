/** What a revision of the rules changed: rules added, deleted, changed (field by field) and a new order. */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";

export const RULE_FIELDS = [
  "name",
  "enabled",
  "stores",
  "minScore",
  "maxScore",
  "requireOptIn",
  "requireMember",
  "probability",
  "everyNth",
  "dailyBudget",
  "holdoutPercent",
  "gift",
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export interface FieldChange {
  field: RuleField;
  before: unknown;
  after: unknown;
}

export type RuleChange =
  | { kind: "added"; rule: SurpriseRule }
  | { kind: "removed"; rule: SurpriseRule }
  | { kind: "changed"; rule: SurpriseRule; fields: FieldChange[] }
  | { kind: "reordered" };

export function diffRules(before: SurpriseRule[], after: SurpriseRule[]): RuleChange[] {
  const old = new Map(before.map((r) => [r.id, r]));
  const next = new Map(after.map((r) => [r.id, r]));
  const changes: RuleChange[] = [];
  for (const rule of after) {
    const was = old.get(rule.id);
    if (!was) {
      changes.push({ kind: "added", rule });
      continue;
    }
    const fields = RULE_FIELDS.filter((field) => canonical(was[field]) !== canonical(rule[field])).map((field) => ({
      field,
      before: was[field],
      after: rule[field],
    }));
    if (fields.length > 0) changes.push({ kind: "changed", rule, fields });
  }
  for (const rule of before) if (!next.has(rule.id)) changes.push({ kind: "removed", rule });
  const kept = (list: SurpriseRule[], other: Map<string, SurpriseRule>) =>
    list.filter((r) => other.has(r.id)).map((r) => r.id);
  if (kept(before, next).join() !== kept(after, old).join()) changes.push({ kind: "reordered" });
  return changes;
}

/** JSON with sorted keys: the table may hand back an object's keys in another order. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    ) ?? "undefined"
  );
}
