/**
 * Month roll-ups: one item per store and sealed month with everything its day items hold, so a year of
 * results reads about a dozen fixed-size month items instead of 365 day items whose size grows with volume.
 *
 * A month is sealed once no answer can still land in it: ingestion refuses answers more than 30 days old,
 * whose store-local date is then at most 31 days back (a day more across a DST change), and gift counters
 * only ever go to today. After that its day items never change, so a roll-up computed once stays exact.
 */
import { addDays, lastDayOf, weekdayOf } from "@sonrisa/shared/time";
import type { DayItem } from "../adapters/dynamo/results-repository.ts";
import { MAX_PAST_MS } from "./ingestion.ts";

/** Days after a month's last day before it is sealed. */
export const SEAL_AFTER_DAYS = Math.ceil(MAX_PAST_MS / 86_400_000) + 2;

/** Counters per day in {@link MonthRollup.days}: scored answers s1..s5, then misuse m1..m5. */
export const DAY_SLOTS = 10;
/** Day-level sums carried over as they are (opt-ins, comments, holdout/treatment, gifts). */
export const SUM_KEYS = ["opt", "cm", "ho", "tr", "gw", "gh", "gs"] as const;
export type SumKey = (typeof SUM_KEYS)[number];

/** What every period adds up beyond its per-day counts: heatmap, reasons and sums. */
export interface PeriodTotals {
  /** weekday (0 = Monday) × hour × [answers, happy answers]. */
  heat: Uint32Array;
  reasons: Record<string, number>;
  sums: Record<SumKey, number>;
}

/** Everything a sealed month's day items hold, in a shape whose size does not depend on volume. */
export interface MonthRollup extends PeriodTotals {
  storeId: string;
  /** YYYY-MM, store-local */
  month: string;
  /** 31 days × {@link DAY_SLOTS}; day 1 first; days the month lacks stay 0. */
  days: Uint32Array;
}

/** Both kinds of aggregate a store's results are made of. */
export interface StorePeriods {
  days: DayItem[];
  months: MonthRollup[];
}

export function dayCount(item: DayItem, attr: string): number {
  const v = item[attr];
  return typeof v === "number" ? v : 0;
}

export function heatIndex(weekday: number, hour: number, happy: boolean): number {
  return (weekday * 24 + hour) * 2 + (happy ? 1 : 0);
}

export function emptyTotals(): PeriodTotals {
  return {
    heat: new Uint32Array(7 * 24 * 2),
    reasons: {},
    sums: Object.fromEntries(SUM_KEYS.map((k) => [k, 0])) as Record<SumKey, number>,
  };
}

/** Adds a day item's hours (on its weekday), reasons and sums. */
export function addDayTotals(into: PeriodTotals, item: DayItem): void {
  const weekday = weekdayOf(item.date);
  for (let h = 0; h < 24; h++) {
    const hh = String(h).padStart(2, "0");
    into.heat[heatIndex(weekday, h, false)]! += dayCount(item, `h${hh}c`);
    into.heat[heatIndex(weekday, h, true)]! += dayCount(item, `h${hh}p`);
  }
  for (const [attr, value] of Object.entries(item)) {
    if (attr.startsWith("r_") && typeof value === "number") addReason(into, attr.slice(2), value);
  }
  for (const k of SUM_KEYS) into.sums[k] += dayCount(item, k);
}

/** Adds another period's totals (a month roll-up's). */
export function addTotals(into: PeriodTotals, more: PeriodTotals): void {
  for (const [i, n] of more.heat.entries()) into.heat[i]! += n;
  for (const [id, n] of Object.entries(more.reasons)) addReason(into, id, n);
  for (const k of SUM_KEYS) into.sums[k] += more.sums[k];
}

function addReason(into: PeriodTotals, id: string, n: number): void {
  into.reasons[id] = (into.reasons[id] ?? 0) + n;
}

export function isSealed(month: string, today: string): boolean {
  return addDays(lastDayOf(month), SEAL_AFTER_DAYS) <= today;
}

/** The last sealed month on a store-local date. */
export function lastSealedMonth(today: string): string {
  const candidate = addDays(today, -SEAL_AFTER_DAYS).slice(0, 7);
  return isSealed(candidate, today) ? candidate : addDays(`${candidate}-01`, -1).slice(0, 7);
}

/** Folds a month's day items into its roll-up. */
export function rollUp(storeId: string, month: string, items: DayItem[]): MonthRollup {
  const rollup: MonthRollup = { storeId, month, days: new Uint32Array(31 * DAY_SLOTS), ...emptyTotals() };
  for (const item of items) {
    if (!item.date.startsWith(`${month}-`)) throw new Error(`day ${item.date} is not in ${month}`);
    const base = (Number(item.date.slice(8, 10)) - 1) * DAY_SLOTS;
    for (let s = 1; s <= 5; s++) {
      rollup.days[base + s - 1] = dayCount(item, `s${s}`);
      rollup.days[base + 4 + s] = dayCount(item, `m${s}`);
    }
    addDayTotals(rollup, item);
  }
  return rollup;
}
