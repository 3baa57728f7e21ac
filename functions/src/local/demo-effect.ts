/**
 * A demo history with a known effect for the effect report (local mode only). Two ways in:
 *
 * - `demoReturnVisits(answerId, holdoutPercent, at, plan)`: for a history built through the real answer
 *   writer (`npm run demo:history`): given a person's qualifying, opted-in answer, the times of that person's
 *   later visits. Post them as opted-in answers with the same e-mail and the stream consumer credits them
 *   through domain/identified-answers.ts like any other visit.
 * - `seedDemoEffect(deps, options)`: the same people and visits fed straight to the use case the stream
 *   consumer calls (`onIdentifiedAnswer`), without storing answers: exposures, outcomes and counters are
 *   written by the real repository. The browser tests use it; it is also the quick way to fill the page.
 *
 * The effect: a holdout person comes back within 30 days with `baseReturn`, a treatment person with
 * `baseReturn + uplift`; either may come back again 31–60 days later with `lateReturn`. Every draw is a hash
 * of the answer id, so a history is the same every time it is built.
 */
import { createHash } from "node:crypto";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { localParts } from "@sonrisa/shared/time";
import { ruleRevision } from "../domain/effects.ts";
import { type IdentifiedAnswerDeps, onIdentifiedAnswer } from "../domain/identified-answers.ts";
import type { AnswerRecord } from "../domain/ports/answer-records.ts";
import { inHoldout, type SurpriseDecision, unitHash } from "../domain/surprises.ts";

const DAY_MS = 86_400_000;

export interface DemoEffectPlan {
  /** chance a holdout person comes back within 30 days */
  baseReturn: number;
  /** what the gift adds to that chance (the true effect the report should find) */
  uplift: number;
  /** chance of a visit 31–60 days later, either group */
  lateReturn: number;
}

export const DEMO_EFFECT_PLAN: DemoEffectPlan = { baseReturn: 0.2, uplift: 0.2, lateReturn: 0.1 };

/** The later visits of the person whose qualifying answer is `answerId`, tapped at `at`. */
export function demoReturnVisits(
  answerId: string,
  holdoutPercent: number,
  at: Date,
  plan: DemoEffectPlan = DEMO_EFFECT_PLAN,
): Date[] {
  const chance = plan.baseReturn + (inHoldout(answerId, holdoutPercent) ? 0 : plan.uplift);
  const visits: Date[] = [];
  if (unitHash("demo-return", answerId) < chance) {
    visits.push(new Date(at.getTime() + (0.5 + 29 * unitHash("demo-return-day", answerId)) * DAY_MS));
  }
  if (unitHash("demo-late", answerId) < plan.lateReturn) {
    visits.push(new Date(at.getTime() + (31 + 29 * unitHash("demo-late-day", answerId)) * DAY_MS));
  }
  return visits;
}

export interface DemoEffectOptions {
  /** the demo's surprise rule: its id, holdout, odds and revision */
  rule: SurpriseRule;
  storeIds: string[];
  timeZone: string;
  /** the history ends here (no visit after it) */
  end: Date;
  days?: number;
  people?: number;
  plan?: DemoEffectPlan;
  /** answers tracked at once */
  concurrency?: number;
}

/** Seeds `people` identified people exposed over `days` days and their visits; returns what it made. */
export async function seedDemoEffect(deps: IdentifiedAnswerDeps, opts: DemoEffectOptions) {
  const days = opts.days ?? 90;
  const people = opts.people ?? 1500;
  const start = opts.end.getTime() - days * DAY_MS;
  const visits: Array<{ contactId: string; answer: AnswerRecord }> = [];
  for (let i = 0; i < people; i++) {
    const answerId = uuidOf(`demo-effect-answer:${opts.rule.id}:${i}`);
    const contactId = uuidOf(`demo-effect-contact:${opts.rule.id}:${i}`);
    const at = new Date(start + unitHash("demo-at", answerId) * days * DAY_MS);
    const storeId = opts.storeIds[i % opts.storeIds.length]!;
    const group = inHoldout(answerId, opts.rule.holdoutPercent) ? ("holdout" as const) : ("treatment" as const);
    const won = group === "treatment" && unitHash("demo-won", answerId) < (opts.rule.probability ?? 1);
    const surprise: SurpriseDecision = {
      ruleId: opts.rule.id,
      revision: ruleRevision(opts.rule),
      group,
      ...(group === "treatment" ? { outcome: won ? ("won" as const) : ("lost" as const) } : {}),
    };
    visits.push({ contactId, answer: answerOf(answerId, storeId, at, 5, opts.timeZone, surprise) });
    for (const [n, when] of demoReturnVisits(answerId, opts.rule.holdoutPercent, at, opts.plan).entries()) {
      if (when > opts.end) continue;
      const score = 3 + Math.floor(unitHash("demo-score", answerId, String(n)) * 3);
      visits.push({ contactId, answer: answerOf(uuidOf(`${answerId}:${n}`), storeId, when, score, opts.timeZone) });
    }
  }
  // Oldest first, as they would have happened: a visit finds the exposure it follows.
  visits.sort((a, b) => a.answer.atUtc.localeCompare(b.answer.atUtc));
  const held = heldSettings(deps);
  await inParallel(visits, opts.concurrency ?? 8, (v) => onIdentifiedAnswer(held, v.contactId, v.answer));
  return { people, visits: visits.length };
}

/**
 * The rules and the stores' stock read once for the whole seeding: a won exposure reads both for its gift's
 * cost (the stock item's unit cost), which the seeding does not change.
 */
function heldSettings(deps: IdentifiedAnswerDeps): IdentifiedAnswerDeps {
  let rules: ReturnType<IdentifiedAnswerDeps["rules"]["get"]> | undefined;
  const stock = new Map<string, ReturnType<IdentifiedAnswerDeps["gifts"]["stock"]>>();
  return {
    ...deps,
    rules: { get: () => (rules ??= deps.rules.get()) },
    gifts: {
      stock(storeId) {
        const read = stock.get(storeId) ?? deps.gifts.stock(storeId);
        stock.set(storeId, read);
        return read;
      },
    },
  };
}

function answerOf(
  id: string,
  storeId: string,
  at: Date,
  score: number,
  timeZone: string,
  surprise?: AnswerRecord["surprise"],
): AnswerRecord {
  return {
    id,
    at: at.toISOString(),
    score,
    storeId,
    deviceId: "demo-history",
    atUtc: at.toISOString(),
    receivedAt: at.toISOString(),
    localDate: localParts(at, timeZone).date,
    ...(surprise ? { surprise } : {}),
  };
}

/** Runs `work` over the items with at most `limit` at once, keeping each person's visits in order. */
async function inParallel<T extends { contactId: string }>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
) {
  // One lane per person (by hash), so a person's return never races ahead of their exposure.
  const lanes: T[][] = Array.from({ length: limit }, () => []);
  for (const item of items) lanes[Math.floor(unitHash("lane", item.contactId) * limit)]!.push(item);
  await Promise.all(
    lanes.map(async (lane) => {
      for (const item of lane) await work(item);
    }),
  );
}

function uuidOf(seed: string): string {
  const h = createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
