/**
 * Who wins in a chunk of answers, given the rule state read from the table: only an answer whose shopper
 * is at the screen may win (others are `absent`), then every-Nth counting, the daily budget, stock, and
 * the rule that answers from an earlier local day cannot win (their gift would already have expired).
 */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { ruleRevision } from "./effects.ts";
import type { PlannedAnswer } from "./ports/answer-writer.ts";
import { giftCode, type SurpriseDecision } from "./surprises.ts";

export interface RuleState {
  rule: SurpriseRule;
  /** wins already spent from today's budget */
  used: number;
  /** treatment answers seen so far by an every-Nth rule */
  nthCount?: number;
  /** undefined when the rule has no stock item, or the store does not keep that item; shared by rules of one item */
  stock?: StockState;
}

export interface StockState {
  item: string;
  quantity: number;
  reserved: number;
}

export function assignWins(answers: PlannedAnswer[], state: RuleState[], today: string, attempt: number) {
  const decisions = new Map<string, SurpriseDecision>();
  const wonByRule = new Map<string, number>();
  const nthSeenByRule = new Map<string, number>();
  const wonByStock = new Map<string, number>();
  const byRule = new Map(state.map((s) => [s.rule.id, s]));
  for (const a of answers) {
    const s = a.surprise;
    if (!s) continue;
    if (s.group === "holdout") {
      decisions.set(a.item.id, { ruleId: s.rule.id, revision: ruleRevision(s.rule), group: "holdout" });
      continue;
    }
    if (!s.present) {
      // Nobody would see the win: it still counts as treatment for the holdout comparison.
      decisions.set(a.item.id, {
        ruleId: s.rule.id,
        revision: ruleRevision(s.rule),
        group: "treatment",
        outcome: "absent",
      });
      continue;
    }
    const rs = byRule.get(s.rule.id);
    let candidate = s.candidate;
    if (rs?.nthCount !== undefined && s.rule.everyNth) {
      const seen = (nthSeenByRule.get(s.rule.id) ?? 0) + 1;
      nthSeenByRule.set(s.rule.id, seen);
      candidate = (rs.nthCount + seen) % s.rule.everyNth === 0;
    }
    const won = wonByRule.get(s.rule.id) ?? 0;
    let outcome: SurpriseDecision["outcome"] = "lost";
    if (candidate && a.localDate !== today) outcome = "late";
    else if (candidate && rs && rs.used + won >= s.rule.dailyBudget) outcome = "budget";
    else if (candidate && rs && s.rule.gift.stockItem && (!rs.stock || available(rs.stock, wonByStock) <= 0))
      outcome = "stock";
    else if (candidate && rs) outcome = "won";
    if (outcome === "won") {
      wonByRule.set(s.rule.id, won + 1);
      if (rs?.stock) wonByStock.set(rs.stock.item, (wonByStock.get(rs.stock.item) ?? 0) + 1);
      const code = giftCode(a.item.id, attempt);
      decisions.set(a.item.id, {
        ruleId: s.rule.id,
        revision: ruleRevision(s.rule),
        group: "treatment",
        outcome,
        code,
      });
    } else {
      decisions.set(a.item.id, { ruleId: s.rule.id, revision: ruleRevision(s.rule), group: "treatment", outcome });
    }
  }
  return { decisions, wonByRule, nthSeenByRule, wonByStock };
}

function available(stock: StockState, wonByStock: Map<string, number>): number {
  return stock.quantity - stock.reserved - (wonByStock.get(stock.item) ?? 0);
}
