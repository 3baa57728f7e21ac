/**
 * Surprise-gift decisions, pure and reproducible: every draw is a hash of the answer id,
 * so the same answer always lands in the same group and gets the same draw (auditable).
 */
import { createHash } from "node:crypto";
import { GIFT_CODE_ALPHABET, type SurpriseRule } from "@sonrisa/shared/schemas/surprises";

export interface Candidate {
  id: string;
  score: number;
  optedIn: boolean;
  member: boolean;
  misuse: boolean;
}

/** The first enabled rule of the store that the answer qualifies for (misuse never qualifies). */
export function qualifyingRule(rules: SurpriseRule[], storeId: string, answer: Candidate): SurpriseRule | undefined {
  if (answer.misuse) return undefined;
  return rules.find(
    (r) =>
      r.enabled &&
      (r.stores === "all" || r.stores.includes(storeId)) &&
      answer.score >= r.minScore &&
      answer.score <= r.maxScore &&
      (!r.requireOptIn || answer.optedIn) &&
      (!r.requireMember || answer.member),
  );
}

/** A uniform number in [0, 1) derived from the inputs. */
export function unitHash(...parts: string[]): number {
  const digest = createHash("sha256").update(parts.join(":")).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** Holdout split by a hash of the answer id alone, so it does not depend on the rule's odds. */
export function inHoldout(answerId: string, holdoutPercent: number): boolean {
  return unitHash("holdout", answerId) * 100 < holdoutPercent;
}

/** The probability draw of a rule for an answer. */
export function drawWins(rule: SurpriseRule, answerId: string): boolean {
  return rule.probability !== undefined && unitHash("draw", rule.id, answerId) < rule.probability;
}

/** A 6-character code without look-alikes; `attempt` changes it when the first one is taken that day. */
export function giftCode(answerId: string, attempt: number): string {
  const digest = createHash("sha256").update(`code:${answerId}:${attempt}`).digest();
  let code = "";
  for (let i = 0; code.length < 6; i++) code += GIFT_CODE_ALPHABET[(digest[i] ?? 0) % GIFT_CODE_ALPHABET.length];
  return code;
}

/** `absent`: the shopper was not at the screen when it was decided (timed out, or synced later), so it could not win. */
export type SurpriseOutcome = "won" | "lost" | "budget" | "stock" | "late" | "absent";

export interface SurpriseDecision {
  ruleId: string;
  group: "holdout" | "treatment";
  /** the rule's revision when it decided (domain/effects.ts, ruleRevision): the effect report's unit */
  revision?: string;
  outcome?: SurpriseOutcome;
  code?: string;
}
