/**
 * Which aggregates a store's results read: month roll-ups for the ended months the range covers whole,
 * day items for the rest (the edges, the current month, and any ended month whose roll-up is missing or
 * stale). And the job's use case that writes missing and stale roll-ups.
 */

import type { ResultsQuery, StoreResults } from "@sonrisa/shared/schemas/results";
import { addDays, lastDayOf, localParts, monthsBetween } from "@sonrisa/shared/time";
import { type DateRange, resolveRange } from "./date-range.ts";
import { packMonth, type StorePeriods } from "./day-aggregate.ts";
import { hasEnded, lastEndedMonth } from "./month-rollup.ts";
import type { Clock } from "./ports/clock.ts";
import type { ResultsRepository } from "./ports/results-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { storeResults } from "./results.ts";
import { requireStore } from "./stores.ts";

export interface StoreResultsDeps {
  stores: StoreRepository;
  results: Pick<ResultsRepository, "storeDays" | "storeMonths">;
  clock: Clock;
}

/** One store's results over a range of its local dates (default: the last 30 days). */
export async function storeResultsOver(
  deps: StoreResultsDeps,
  storeId: string | undefined,
  query: ResultsQuery,
): Promise<StoreResults> {
  const store = await requireStore(deps.stores, storeId);
  const now = deps.clock.now();
  const range = resolveRange(query, store.timeZone, now);
  const today = localParts(now, store.timeZone).date;
  const periods = await readStorePeriods(deps.results, store.storeId, range, today);
  return storeResults(store, periods, range, query.includeMisuse === "true");
}

export interface ReadPlan {
  /** Ended months inside the range, oldest first. */
  months: string[];
  /** Date spans read from day items. */
  spans: DateRange[];
}

/**
 * Splits a range into whole ended months and day spans; ended months only precede the current one, so a
 * year reads at most 12 month items and the current month's days.
 */
export function planRead(range: DateRange, today: string): ReadPlan {
  const months: string[] = [];
  const spans: DateRange[] = [];
  let spanFrom: string | undefined;
  for (let date = range.from; date <= range.to; ) {
    const month = date.slice(0, 7);
    const last = lastDayOf(month);
    if (date === `${month}-01` && last <= range.to && hasEnded(month, today)) {
      if (spanFrom) spans.push({ from: spanFrom, to: addDays(date, -1) });
      spanFrom = undefined;
      months.push(month);
    } else {
      spanFrom ??= date;
    }
    date = addDays(last < range.to ? last : range.to, 1);
  }
  if (spanFrom) spans.push({ from: spanFrom, to: range.to });
  return { months, spans };
}

/** The aggregates of a store over a range; months without a current roll-up are read day by day. */
export async function readStorePeriods(
  repo: Pick<ResultsRepository, "storeDays" | "storeMonths">,
  storeId: string,
  range: DateRange,
  today: string,
): Promise<StorePeriods> {
  const plan = planRead(range, today);
  const [months, ...spans] = await Promise.all([
    plan.months.length ? repo.storeMonths(storeId, plan.months[0]!, plan.months.at(-1)!) : [],
    ...plan.spans.map((s) => repo.storeDays(storeId, s.from, s.to)),
  ]);
  const days = spans.flat();
  const rolled = new Set(months.map((m) => m.month));
  const missing = plan.months.filter((m) => !rolled.has(m));
  if (missing.length) {
    const fallback = await repo.storeDays(storeId, `${missing[0]}-01`, lastDayOf(missing.at(-1)!));
    days.push(...fallback.filter((d) => missing.includes(d.date.slice(0, 7))));
  }
  return { days, months: months.filter((m) => plan.months.includes(m.month)) };
}

/**
 * Writes the roll-up of every ended month of a store that lacks a current one (none yet, or a late answer
 * landed in it since), from its first day with data; returns the months written. Each is written only if
 * no answer landed in the month while its days were read (the revision is unchanged), so a run can be
 * repeated, interrupted or race with ingestion and never leave a wrong roll-up behind.
 */
export async function rollUpStore(
  repo: Pick<ResultsRepository, "firstDay" | "monthStates" | "storeDays" | "putMonth">,
  storeId: string,
  today: string,
  now: Date,
): Promise<string[]> {
  const first = await repo.firstDay(storeId);
  const last = lastEndedMonth(today);
  if (!first || first.slice(0, 7) > last) return [];
  const states = new Map((await repo.monthStates(storeId)).map((m) => [m.month, m]));
  const written: string[] = [];
  for (const month of monthsBetween(first, lastDayOf(last))) {
    const state = states.get(month);
    if (state?.current) continue;
    const rev = state?.rev ?? 0;
    const days = await repo.storeDays(storeId, `${month}-01`, lastDayOf(month), { consistent: true });
    if (await repo.putMonth(packMonth(storeId, month, days), now.toISOString(), rev)) written.push(month);
  }
  return written;
}
