/**
 * An identified answer (an answer linked to a contact) in the effect report: first it is an outcome of the
 * person's earlier exposures (a return visit and its score), then, when it qualified for a surprise rule or
 * made follow-up messages, it exposes the person to those rules' treatment or holdout.
 */
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import { creditAndExpose, type EffectDeps, type ExposureOf, exposureOf, ruleRevision } from "./effects.ts";
import type { AnswerRecord } from "./ports/answer-records.ts";
import type { ExposureRecord } from "./ports/effect-repository.ts";
import type { FollowUpRulesRepository } from "./ports/follow-up-rules-repository.ts";
import type { GiftRepository } from "./ports/gift-repository.ts";
import type { MessageRecord } from "./ports/message-repository.ts";
import type { RulesRepository } from "./ports/rules-repository.ts";

export interface IdentifiedAnswerDeps extends EffectDeps {
  rules: Pick<RulesRepository, "get">;
  followUpRules: FollowUpRulesRepository;
  gifts: Pick<GiftRepository, "stock">;
}

/**
 * Credits the answer to the person's open exposures, then records its own. `followUps` are the messages the
 * answer made (held out ones included), so each follow-up rule's group is the one the dispatcher honours.
 * Safe to repeat for the same answer.
 */
export async function onIdentifiedAnswer(
  deps: IdentifiedAnswerDeps,
  contactId: string,
  answer: AnswerRecord,
  followUps: MessageRecord[] = [],
): Promise<void> {
  if (answer.misuse) return;
  const event = { kind: "answer" as const, id: answer.id, at: answer.atUtc, score: answer.score };
  const ref = { id: answer.id, storeId: answer.storeId, at: answer.atUtc };
  await creditAndExpose(deps, contactId, event, async (open) =>
    (await exposuresOf(deps, answer, followUps, open)).map((x) => exposureOf(contactId, ref, x)),
  );
}

/**
 * The rules the answer exposes its person to: the surprise rule it qualified for and the follow-up rules of its
 * messages, except a rule revision the person is open under already (exposed in the last 60 days).
 */
async function exposuresOf(
  deps: IdentifiedAnswerDeps,
  answer: AnswerRecord,
  followUps: MessageRecord[],
  open: ExposureRecord[],
): Promise<ExposureOf[]> {
  const exposedAlready = (x: Pick<ExposureOf, "ruleId" | "revision">) =>
    open.some((e) => e.ruleId === x.ruleId && e.revision === x.revision);
  const exposures: ExposureOf[] = [];
  const surprise = answer.surprise;
  // Answers decided before revisions were recorded share one revision of their own.
  const revision = surprise?.revision ?? "before-revisions";
  if (surprise && !exposedAlready({ ruleId: surprise.ruleId, revision })) {
    const won = surprise.outcome === "won";
    exposures.push({
      kind: "surprise",
      ruleId: surprise.ruleId,
      revision,
      group: surprise.group,
      won,
      ...(won ? await giftCost(deps, surprise.ruleId, answer.storeId) : {}),
    });
  }
  const withRules = followUps.filter((m) => m.kind === "follow-up" && m.ruleId);
  if (withRules.length) {
    const rules = new Map<string, FollowUpRule>((await deps.followUpRules.get()).map((r) => [r.id, r]));
    for (const m of withRules) {
      const rule = rules.get(m.ruleId!);
      if (!rule) continue;
      const x = { ruleId: rule.id, revision: ruleRevision(rule) };
      if (exposedAlready(x)) continue;
      exposures.push({ kind: "follow-up", ...x, group: m.status === "holdout" ? "holdout" : "treatment" });
    }
  }
  return exposures;
}

/** The unit cost of the rule's gift in the answer's store, when its stock item has one. */
async function giftCost(deps: IdentifiedAnswerDeps, ruleId: string, storeId: string): Promise<{ giftCost?: number }> {
  const item = (await deps.rules.get()).find((r) => r.id === ruleId)?.gift.stockItem;
  if (!item) return {};
  const cost = (await deps.gifts.stock(storeId)).find((s) => s.item === item)?.unitCost;
  return cost === undefined ? {} : { giftCost: cost };
}
