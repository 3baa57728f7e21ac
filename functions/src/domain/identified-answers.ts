/**
 * An identified answer (an answer linked to a contact) in the effect report: first it is an outcome of the
 * person's earlier exposures (a return visit and its score), then, when it qualified for a surprise rule or
 * made follow-up messages, it exposes the person to those rules' treatment or holdout.
 */
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import { creditOpenExposures, type EffectDeps, type ExposureOf, recordExposures, ruleRevision } from "./effects.ts";
import type { AnswerRecord } from "./ports/answer-records.ts";
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
  const { open } = await creditOpenExposures(deps, contactId, {
    kind: "answer",
    id: answer.id,
    at: answer.atUtc,
    score: answer.score,
  });
  // A person exposed under a rule's revision in the last 60 days is not exposed again: no need to try.
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
      exposures.push({
        kind: "follow-up",
        ...x,
        group: m.status === "holdout" ? "holdout" : "treatment",
      });
    }
  }
  if (exposures.length) {
    await recordExposures(deps, contactId, { id: answer.id, storeId: answer.storeId, at: answer.atUtc }, exposures);
  }
}

/** The unit cost of the rule's gift in the answer's store, when its stock item has one. */
async function giftCost(deps: IdentifiedAnswerDeps, ruleId: string, storeId: string): Promise<{ giftCost?: number }> {
  const item = (await deps.rules.get()).find((r) => r.id === ruleId)?.gift.stockItem;
  if (!item) return {};
  const cost = (await deps.gifts.stock(storeId)).find((s) => s.item === item)?.unitCost;
  return cost === undefined ? {} : { giftCost: cost };
}
