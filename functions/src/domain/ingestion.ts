/**
 * Ingestion of a kiosk's batch: every item judged on its own (stored, duplicate or rejected),
 * store-local time, misuse, surprise eligibility; the writer makes it durable exactly once.
 */
import {
  type KioskStatus,
  type ResponseItem,
  ResponseItem as ResponseItemSchema,
  type ResponseResult,
} from "@sonrisa/shared/schemas/responses";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { localParts } from "@sonrisa/shared/time";
import { answerCounters } from "./day-aggregate.ts";
import { Unauthorized, Unavailable } from "./errors.ts";
import { deviceStore } from "./kiosk.ts";
import { refusedScore } from "./offered-scores.ts";
import type { AnswerWriter, PlannedAnswer } from "./ports/answer-writer.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRepository } from "./ports/device-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { RulesRepository } from "./ports/rules-repository.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import { drawWins, inHoldout, qualifyingRule } from "./surprises.ts";

/**
 * Kiosk clocks drift and tablets sleep: 5 minutes ahead covers drift; 180 days back covers a tablet left
 * offline in a drawer for a season. A late answer lands in its own day, and the roll-up of its month, if
 * the month has one, is redone (docs/data-design.md).
 */
export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_PAST_DAYS = 180;
export const MAX_PAST_MS = MAX_PAST_DAYS * 86_400_000;
/**
 * The answer a shopper is waiting for on the thank-you screen may win; it is sent the moment the flow
 * ends, so one tapped longer ago than a flow can last is a replay, not a shopper at the screen.
 */
export const PRESENT_MAX_AGE_MS = 15 * 60_000;
/** A kiosk's batches race each other only when two tabs or two tablets share a token: a few rounds settle it. */
const MAX_REPLANS = 10;

export interface IngestionDeps {
  stores: Pick<StoreRepository, "get">;
  devices: Pick<DeviceRepository, "get" | "touch">;
  rules: Pick<RulesRepository, "get">;
  writer: AnswerWriter;
  clock: Clock;
}

/**
 * Judges and stores a batch. `present` names the answer whose shopper is at the screen waiting for the
 * thank-you (the kiosk says so only while it shows it): only that answer may win a surprise.
 */
export async function ingestResponses(
  deps: IngestionDeps,
  device: Principal,
  raw: unknown[],
  status?: KioskStatus,
  present?: string,
): Promise<ResponseResult[]> {
  const { store, record: deviceRecord } = await deviceStore(deps, device);
  const now = deps.clock.now();
  const results = new Map<number, ResponseResult>();
  const valid: Array<{ index: number; item: ResponseItem }> = [];
  const seen = new Set<string>();

  raw.forEach((value, index) => {
    const parsed = ResponseItemSchema.safeParse(value);
    const id = idOf(value, index);
    if (!parsed.success) {
      results.set(index, reject(id, "invalid_item", "The answer is not valid", parsed.error.issues));
      return;
    }
    const item = parsed.data;
    const at = Date.parse(item.at);
    const refused = refusedScore(store, item.score);
    if (refused) {
      results.set(index, reject(id, refused.code, refused.message));
    } else if (at > now.getTime() + MAX_FUTURE_MS) {
      results.set(index, reject(id, "at_in_future", "The answer is dated more than 5 minutes ahead"));
    } else if (at < now.getTime() - MAX_PAST_MS) {
      results.set(index, reject(id, "at_too_old", `The answer is older than ${MAX_PAST_DAYS} days`));
    } else if (seen.has(item.id)) {
      results.set(index, { id, status: "duplicate" });
    } else {
      seen.add(item.id);
      valid.push({ index, item });
    }
  });

  const seenAt = now.toISOString();
  let stored = false;
  if (valid.length > 0) {
    const rules = await deps.rules.get();
    const today = localParts(now, store.timeZone).date;
    let lastAnswerAt = deviceRecord.lastAnswerAt;
    let pending = valid;
    // The burst check is planned on the device's last-answer time and committed with the answers only while
    // that time is unchanged; when another batch of the same kiosk got in first, the rest is planned again.
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_REPLANS) throw new Unavailable("busy");
      const planned = plan(store, device.sub, pending, rules, now, lastAnswerAt, present);
      const written = await deps.writer.write(
        store,
        planned.map((p) => p.answer),
        today,
        { deviceId: device.sub, seenAt, lastAnswerAt, ...(status ? { status } : {}) },
      );
      for (const { index, answer } of planned) {
        const outcome = written.outcomes.get(answer.item.id);
        if (!outcome) continue;
        stored ||= outcome.status === "stored";
        results.set(index, {
          id: answer.item.id,
          status: outcome.status,
          ...(outcome.surprise ? { surprise: outcome.surprise } : {}),
        });
      }
      if (!written.deviceMoved) break;
      const current = await deps.devices.get(store.storeId, device.sub, { consistent: true });
      if (!current) throw new Unauthorized("This device is no longer paired");
      if (current.revokedAt) throw new Unauthorized("This device was revoked");
      lastAnswerAt = current.lastAnswerAt;
      pending = pending.filter((v) => !results.has(v.index));
    }
  }
  // Nothing new was written with the device's update (only rejections or duplicates): say it was seen.
  if (!stored) await deps.devices.touch(store.storeId, device.sub, seenAt, undefined, status);
  return raw.map((_, index) => results.get(index) as ResponseResult);
}

function plan(
  store: StoreRecord,
  deviceId: string,
  valid: Array<{ index: number; item: ResponseItem }>,
  rules: SurpriseRule[],
  now: Date,
  lastAnswerAt: string | undefined,
  present: string | undefined,
) {
  const reasonIds = new Set(Object.values(store.reasons).flatMap((list) => list.map((r) => r.id)));
  const byTime = [...valid].sort((a, b) => Date.parse(a.item.at) - Date.parse(b.item.at));
  let previous = lastAnswerAt ? Date.parse(lastAnswerAt) : Number.NEGATIVE_INFINITY;
  return byTime.map(({ index, item }) => {
    const at = Date.parse(item.at);
    // Out-of-order taps count too: within the interval either side of the newest one seen.
    const burst = Math.abs(at - previous) < store.misuseIntervalSec * 1000;
    previous = Math.max(previous, at);
    const misuse = item.misuse ? "kiosk" : burst ? "burst" : false;
    const local = localParts(new Date(at), store.timeZone);
    const rule = qualifyingRule(rules, store.storeId, {
      id: item.id,
      score: item.score,
      optedIn: Boolean(item.optIn),
      member: Boolean(item.member),
      misuse: Boolean(misuse),
    });
    const answer: PlannedAnswer = {
      item,
      storeId: store.storeId,
      deviceId,
      atUtc: new Date(at).toISOString(),
      receivedAt: now.toISOString(),
      localDate: local.date,
      localHour: local.hour,
      misuse,
      counters: answerCounters(item, local.hour, Boolean(misuse), reasonIds),
    };
    if (rule) {
      const group = inHoldout(item.id, rule.holdoutPercent) ? "holdout" : "treatment";
      const atScreen = item.id === present && now.getTime() - at <= PRESENT_MAX_AGE_MS;
      answer.surprise = {
        rule,
        group,
        present: atScreen,
        candidate: group === "treatment" && atScreen && (rule.everyNth !== undefined || drawWins(rule, item.id)),
      };
      answer.counters[group === "holdout" ? "ho" : "tr"] = 1;
    }
    return { index, answer };
  });
}

function idOf(value: unknown, index: number): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === "string" && id.length <= 100 ? id : `#${index}`;
}

function reject(id: string, code: string, message: string, details?: unknown[]): ResponseResult {
  return { id, status: "rejected", error: details ? { code, message, details } : { code, message } };
}
