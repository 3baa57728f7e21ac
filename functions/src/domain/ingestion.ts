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
import { deviceStore } from "./kiosk.ts";
import { refusedScore } from "./offered-scores.ts";
import type { AnswerWriter, PlannedAnswer } from "./ports/answer-writer.ts";
import type { Clock } from "./ports/clock.ts";
import type { DeviceRepository } from "./ports/device-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { RulesRepository } from "./ports/rules-repository.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import { drawWins, inHoldout, qualifyingRule } from "./surprises.ts";

/** Kiosk clocks drift and tablets sleep: 5 minutes ahead covers drift; 30 days back covers a long offline spell. */
export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_PAST_MS = 30 * 86_400_000;

export interface IngestionDeps {
  stores: StoreRepository;
  devices: DeviceRepository;
  rules: Pick<RulesRepository, "get">;
  writer: AnswerWriter;
  clock: Clock;
}

export async function ingestResponses(
  deps: IngestionDeps,
  device: Principal,
  raw: unknown[],
  status?: KioskStatus,
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
      results.set(index, reject(id, "at_too_old", "The answer is older than 30 days"));
    } else if (seen.has(item.id)) {
      results.set(index, { id, status: "duplicate" });
    } else {
      seen.add(item.id);
      valid.push({ index, item });
    }
  });

  if (valid.length > 0) {
    const rules = await deps.rules.get();
    const planned = plan(store, device.sub, valid, rules, now, deviceRecord.lastAnswerAt);
    const today = localParts(now, store.timeZone).date;
    const outcomes = await deps.writer.write(
      store,
      planned.map((p) => p.answer),
      today,
    );
    for (const { index, answer } of planned) {
      const outcome = outcomes.get(answer.item.id);
      results.set(index, {
        id: answer.item.id,
        status: outcome?.status ?? "duplicate",
        ...(outcome?.surprise ? { surprise: outcome.surprise } : {}),
      });
    }
    const last = planned.reduce((max, p) => (p.answer.atUtc > max ? p.answer.atUtc : max), "") || undefined;
    await deps.devices.touch(store.storeId, device.sub, now.toISOString(), last, status);
  } else {
    await deps.devices.touch(store.storeId, device.sub, now.toISOString(), undefined, status);
  }
  return raw.map((_, index) => results.get(index) as ResponseResult);
}

function plan(
  store: StoreRecord,
  deviceId: string,
  valid: Array<{ index: number; item: ResponseItem }>,
  rules: SurpriseRule[],
  now: Date,
  lastAnswerAt: string | undefined,
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
      answer.surprise = {
        rule,
        group,
        candidate: group === "treatment" && (rule.everyNth !== undefined || drawWins(rule, item.id)),
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
