/**
 * Realistic shopper answers for the benches: a score mix, sometimes reasons, a comment or an opt-in,
 * and `PlannedAnswer`s built exactly the way ingestion's plan() builds them, for loading the table
 * through the real writer without going through HTTP.
 */
import { randomUUID } from "node:crypto";
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import { localParts } from "@sonrisa/shared/time";
import { answerCounters } from "../../functions/src/domain/day-aggregate.ts";
import type { PlannedAnswer } from "../../functions/src/domain/ports/answer-writer.ts";
import type { StoreRecord } from "../../functions/src/domain/ports/store-repository.ts";

/** A small seeded generator (mulberry32), so a bench run is repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scores as a store with a CSAT around 70 % sees them. */
const SCORE_WEIGHTS: Array<[number, number]> = [
  [5, 0.42],
  [4, 0.26],
  [3, 0.14],
  [2, 0.08],
  [1, 0.1],
];
/** The demo stores' reason ids (functions/src/local/seed-demo.ts). */
const REASONS = {
  positive: ["friendly-staff", "quality", "price", "quick", "store-look"],
  neutral: ["ok-service", "choice", "price-neutral"],
  negative: ["waiting", "unfriendly", "out-of-stock", "expensive", "messy"],
};
const COMMENTS = [
  "Muy buena atención, volveré.",
  "Great sofa selection, the staff helped me a lot.",
  "Tuve que esperar mucho en caja.",
  "Nice store but the prices are a bit high.",
];

export interface AnswerMix {
  /** Share of answers with one or two reasons; default 0.4. */
  reasons?: number;
  /** Share with a comment; default 0.15. */
  comment?: number;
  /** Share with an e-mail opt-in; default 0.05. */
  optIn?: number;
  /** Force this score. */
  score?: number;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function score(random: () => number): number {
  let r = random();
  for (const [s, w] of SCORE_WEIGHTS) {
    r -= w;
    if (r < 0) return s;
  }
  return 5;
}

/** One answer as a kiosk sends it, dated `at`. */
export function makeAnswer(random: () => number, at: Date, mix: AnswerMix = {}): ResponseItem {
  const s = mix.score ?? score(random);
  const item: ResponseItem = { id: randomUUID(), at: at.toISOString(), score: s, lang: random() < 0.7 ? "es" : "en" };
  if (random() < (mix.reasons ?? 0.4)) {
    const list = s >= 4 ? REASONS.positive : s === 3 ? REASONS.neutral : REASONS.negative;
    item.reasons = [...new Set([pick(random, list), ...(random() < 0.3 ? [pick(random, list)] : [])])];
  }
  if (random() < (mix.comment ?? 0.15)) item.comment = pick(random, COMMENTS);
  if (random() < (mix.optIn ?? 0.05)) {
    item.optIn = {
      email: `shopper${Math.floor(random() * 1e6)}@example.com`,
      consent: { version: "2026-11", granted: true },
    };
  }
  return item;
}

/**
 * The `PlannedAnswer` ingestion's plan() would make for this answer with no surprise rule: store-local
 * date and hour, misuse, and the day-aggregate counters from the same `answerCounters`.
 */
export function planAnswer(
  store: StoreRecord,
  deviceId: string,
  item: ResponseItem,
  receivedAt: Date,
  misuse: false | "kiosk" | "burst" = false,
): PlannedAnswer {
  const at = new Date(item.at);
  const local = localParts(at, store.timeZone);
  return {
    item: misuse === "kiosk" ? { ...item, misuse: true } : item,
    storeId: store.storeId,
    deviceId,
    atUtc: at.toISOString(),
    receivedAt: receivedAt.toISOString(),
    localDate: local.date,
    localHour: local.hour,
    misuse,
    counters: answerCounters(item, local.hour, Boolean(misuse)),
  };
}
