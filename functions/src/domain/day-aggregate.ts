/**
 * The store-local day aggregate, in one place: its counter names, what one answer adds to it, how day
 * items fold into period totals, and how a month of them packs into a fixed-size roll-up and back.
 *
 * A day item is flat counters that merge by addition, so the writer can `ADD` them in the answer's
 * own transaction: s1..s5 (scored answers), m1..m5 (misuse), hHHc/hHHp (answers and happy answers in
 * local hour HH), r_<reason>, the sums of {@link SUM_KEYS}, and purchases per currency: pn_<CUR> (how
 * many) and pv_<CUR> (their amount in the currency's minor units).
 */
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import type { ScoreCounts } from "@sonrisa/shared/schemas/results";
import { emptyCounts, SCORES } from "@sonrisa/shared/scoring";
import { lastDayOf, weekdayOf } from "@sonrisa/shared/time";

/** Counters to add to a day item. */
export type Counters = Record<string, number>;

/** A stored day item: its counters plus the store and store-local date. */
export type DayItem = Record<string, unknown> & { storeId: string; date: string };

/**
 * Day-level sums: opt-ins, comments, holdout/treatment answers, gifts won, handed and spontaneous; and loyalty:
 * members identified at the kiosk (`mi`, one a member a day), returning (`mr`: identified with an identified visit
 * to the store on an earlier day), joined (`mn`), stamps given (`st`) and rewards redeemed (`rr`).
 */
export const SUM_KEYS = ["opt", "cm", "ho", "tr", "gw", "gh", "gs", "mi", "mr", "mn", "st", "rr"] as const;
export type SumKey = (typeof SUM_KEYS)[number];

/** Counter names. */
export const counter = {
  scored: (score: number | string) => `s${score}`,
  misuse: (score: number | string) => `m${score}`,
  hourAnswers: (hour: number) => `h${String(hour).padStart(2, "0")}c`,
  hourHappy: (hour: number) => `h${String(hour).padStart(2, "0")}p`,
  reason: (id: string) => `r_${id}`,
  sum: (key: SumKey) => key,
  purchases: (currency: string) => `pn_${currency}`,
  revenue: (currency: string) => `pv_${currency}`,
} as const;

const REASON_PREFIX = "r_";
const PURCHASES_PREFIX = "pn_";
const REVENUE_PREFIX = "pv_";

/** What one purchase adds to its day: one sale and its amount, in its currency. */
export function purchaseCounters(amount: number, currency: string): Counters {
  return { [counter.purchases(currency)]: 1, [counter.revenue(currency)]: amount };
}

/** Purchases of a period per currency: how many, and their amount in minor units. */
export type PurchaseTotals = Record<string, { count: number; amount: number }>;

/**
 * What one answer adds to its day. Only reasons the store offers are counted, so a stray id cannot grow
 * the day item without bound; the answer itself keeps what the kiosk sent.
 */
export function answerCounters(item: ResponseItem, hour: number, misuse: boolean, known?: Set<string>): Counters {
  if (misuse) return { [counter.misuse(item.score)]: 1 };
  const out: Counters = { [counter.scored(item.score)]: 1, [counter.hourAnswers(hour)]: 1 };
  if (item.score >= 4) out[counter.hourHappy(hour)] = 1;
  for (const reason of new Set(item.reasons ?? [])) if (!known || known.has(reason)) out[counter.reason(reason)] = 1;
  if (item.optIn) out.opt = 1;
  if (item.comment?.trim()) out.cm = 1;
  return out;
}

export function addCounters(into: Counters, more: Counters): Counters {
  for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v;
  return into;
}

export function dayCount(item: DayItem, attr: string): number {
  const v = item[attr];
  return typeof v === "number" ? v : 0;
}

/** Scored answers of a day, per score; with misuse added when asked. */
export function countsOf(item: DayItem, includeMisuse: boolean): ScoreCounts {
  const counts = emptyCounts();
  for (const s of SCORES)
    counts[s] = dayCount(item, counter.scored(s)) + (includeMisuse ? dayCount(item, counter.misuse(s)) : 0);
  return counts;
}

/** Misuse of a day, per score. */
export function misuseCountsOf(item: DayItem): ScoreCounts {
  const counts = emptyCounts();
  for (const s of SCORES) counts[s] = dayCount(item, counter.misuse(s));
  return counts;
}

/** What every period adds up beyond its per-day counts: heatmap, reasons and sums. */
export interface PeriodTotals {
  /** weekday (0 = Monday) × hour × [answers, happy answers]. */
  heat: Uint32Array;
  reasons: Record<string, number>;
  sums: Record<SumKey, number>;
  purchases: PurchaseTotals;
}

export function heatIndex(weekday: number, hour: number, happy: boolean): number {
  return (weekday * 24 + hour) * 2 + (happy ? 1 : 0);
}

export function emptyTotals(): PeriodTotals {
  return {
    heat: new Uint32Array(7 * 24 * 2),
    reasons: {},
    sums: Object.fromEntries(SUM_KEYS.map((k) => [k, 0])) as Record<SumKey, number>,
    purchases: {},
  };
}

/** The fold: adds a day item's hours (on its weekday), reasons and sums. */
export function addDayTotals(into: PeriodTotals, item: DayItem): void {
  const weekday = weekdayOf(item.date);
  for (let h = 0; h < 24; h++) {
    into.heat[heatIndex(weekday, h, false)]! += dayCount(item, counter.hourAnswers(h));
    into.heat[heatIndex(weekday, h, true)]! += dayCount(item, counter.hourHappy(h));
  }
  for (const [attr, value] of Object.entries(item)) {
    if (typeof value !== "number") continue;
    if (attr.startsWith(REASON_PREFIX)) addReason(into, attr.slice(2), value);
    else if (attr.startsWith(PURCHASES_PREFIX)) addPurchases(into, attr.slice(3), value, 0);
    else if (attr.startsWith(REVENUE_PREFIX)) addPurchases(into, attr.slice(3), 0, value);
  }
  for (const k of SUM_KEYS) into.sums[k] += dayCount(item, k);
}

/** Adds another period's totals (a month roll-up's). */
export function addTotals(into: PeriodTotals, more: PeriodTotals): void {
  for (const [i, n] of more.heat.entries()) into.heat[i]! += n;
  for (const [id, n] of Object.entries(more.reasons)) addReason(into, id, n);
  for (const k of SUM_KEYS) into.sums[k] += more.sums[k];
  for (const [currency, p] of Object.entries(more.purchases ?? {})) addPurchases(into, currency, p.count, p.amount);
}

function addPurchases(into: PeriodTotals, currency: string, count: number, amount: number): void {
  const p = into.purchases[currency] ?? { count: 0, amount: 0 };
  into.purchases[currency] = { count: p.count + count, amount: p.amount + amount };
}

function addReason(into: PeriodTotals, id: string, n: number): void {
  into.reasons[id] = (into.reasons[id] ?? 0) + n;
}

/** What loyalty adds to a store's day, in the same transaction as the stamp or redemption it counts. */
export const loyaltyCounters = {
  /** A member identified at the kiosk earns the day's visit stamp (once a member a day); returning or not. */
  identified: (returning: boolean): Counters => ({ mi: 1, st: 1, ...(returning ? { mr: 1 } : {}) }),
  /** A member made from a joining answer, with the joining visit's stamp. */
  joined: (): Counters => ({ mn: 1, st: 1 }),
  /** A stamp added by staff for a purchase. */
  stamp: (): Counters => ({ st: 1 }),
  redeemed: (): Counters => ({ rr: 1 }),
};

/** A store's loyalty over a period, from its sums. */
export function memberCountsOf(sums: Record<SumKey, number>) {
  return { identified: sums.mi, returning: sums.mr, joined: sums.mn, stamps: sums.st, redeemed: sums.rr };
}

/** Counters per day in {@link MonthRollup.days}: scored answers s1..s5, then misuse m1..m5. */
export const DAY_SLOTS = 10;

/** Everything a month's day items hold, in a shape whose size does not depend on volume. */
export interface MonthRollup extends PeriodTotals {
  storeId: string;
  /** YYYY-MM, store-local */
  month: string;
  /** 31 days × {@link DAY_SLOTS}; day 1 first; days the month lacks stay 0. */
  days: Uint32Array;
}

/** Packs a month's day items into its roll-up. */
export function packMonth(storeId: string, month: string, items: DayItem[]): MonthRollup {
  const rollup: MonthRollup = { storeId, month, days: new Uint32Array(31 * DAY_SLOTS), ...emptyTotals() };
  for (const item of items) {
    if (!item.date.startsWith(`${month}-`)) throw new Error(`day ${item.date} is not in ${month}`);
    const base = (Number(item.date.slice(8, 10)) - 1) * DAY_SLOTS;
    for (let s = 1; s <= 5; s++) {
      rollup.days[base + s - 1] = dayCount(item, counter.scored(s));
      rollup.days[base + 4 + s] = dayCount(item, counter.misuse(s));
    }
    addDayTotals(rollup, item);
  }
  return rollup;
}

/** Both kinds of aggregate a store's results are made of: day items, and roll-ups of whole months. */
export interface StorePeriods {
  days: DayItem[];
  months: MonthRollup[];
}

/** Scored answers and misuse of one day. */
export interface DayCounts {
  scored: ScoreCounts;
  misuse: ScoreCounts;
}

/** Unpacks a roll-up's days: each date of the month with its counts. */
export function unpackMonth(rollup: MonthRollup): Array<[date: string, counts: DayCounts]> {
  const last = Number(lastDayOf(rollup.month).slice(8, 10));
  const out: Array<[string, DayCounts]> = [];
  for (let d = 1; d <= last; d++) {
    const base = (d - 1) * DAY_SLOTS;
    const scored = emptyCounts();
    const misuse = emptyCounts();
    SCORES.forEach((s, i) => {
      scored[s] = rollup.days[base + i]!;
      misuse[s] = rollup.days[base + 5 + i]!;
    });
    out.push([`${rollup.month}-${String(d).padStart(2, "0")}`, { scored, misuse }]);
  }
  return out;
}
