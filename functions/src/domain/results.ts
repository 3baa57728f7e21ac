/** Results from day aggregates: totals, CSAT, index, series, heatmap, reasons, ranking. */

import type { AllResults, ScoreCounts, StoreResults } from "@sonrisa/shared/schemas/results";
import {
  csatOf,
  emptyCounts,
  indexOf,
  mergeCounts,
  RANKING_METHOD,
  rankScoreOf,
  SCORES,
  totalOf,
} from "@sonrisa/shared/scoring";
import { addDays, daysBetween, lastDayOf, localParts, weekStart } from "@sonrisa/shared/time";
import type { DayItem } from "../adapters/dynamo/results-repository.ts";
import type { StoreRecord } from "../adapters/dynamo/store-repository.ts";
import { Invalid } from "./errors.ts";
import {
  addDayTotals,
  addTotals,
  DAY_SLOTS,
  dayCount,
  emptyTotals,
  heatIndex,
  type StorePeriods,
} from "./month-rollup.ts";

export const MAX_RANGE_DAYS = 400;
export const DEFAULT_RANGE_DAYS = 30;

export interface DateRange {
  from: string;
  to: string;
}

/** `to` defaults to today in the zone, `from` to 29 days before `to`; at most 400 days. */
export function resolveRange(query: { from?: string; to?: string }, timeZone: string, now: Date): DateRange {
  const to = query.to ?? localParts(now, timeZone).date;
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new Invalid("`from` must not be after `to`");
  if (days > MAX_RANGE_DAYS) throw new Invalid(`A range covers at most ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

export function countsOf(item: DayItem, includeMisuse: boolean): ScoreCounts {
  const counts = emptyCounts();
  for (const s of SCORES) counts[s] = dayCount(item, `s${s}`) + (includeMisuse ? dayCount(item, `m${s}`) : 0);
  return counts;
}

function misuseCountsOf(item: DayItem): ScoreCounts {
  const counts = emptyCounts();
  for (const s of SCORES) counts[s] = dayCount(item, `m${s}`);
  return counts;
}

function point(date: string, counts: ScoreCounts) {
  return { date, total: totalOf(counts), counts, csat: csatOf(counts), index: indexOf(counts) };
}

/** Per date: scored answers and misuse, from day items and the days inside month roll-ups. */
type DailyCounts = Map<string, { scored: ScoreCounts; misuse: ScoreCounts }>;

/** Per-day counts and the totals of the periods read. */
function foldPeriods(periods: StorePeriods) {
  const daily: DailyCounts = new Map();
  const totals = emptyTotals();
  for (const item of periods.days) {
    daily.set(item.date, { scored: countsOf(item, false), misuse: misuseCountsOf(item) });
    addDayTotals(totals, item);
  }
  for (const m of periods.months) {
    const last = Number(lastDayOf(m.month).slice(8, 10));
    for (let d = 1; d <= last; d++) {
      const base = (d - 1) * DAY_SLOTS;
      const scored = emptyCounts();
      const misuse = emptyCounts();
      SCORES.forEach((s, i) => {
        scored[s] = m.days[base + i]!;
        misuse[s] = m.days[base + 5 + i]!;
      });
      daily.set(`${m.month}-${String(d).padStart(2, "0")}`, { scored, misuse });
    }
    addTotals(totals, m);
  }
  return { daily, ...totals };
}

/** One store's results over a range, from the day items and month roll-ups that cover it. */
export function storeResults(
  store: StoreRecord,
  periods: StorePeriods,
  range: DateRange,
  includeMisuse = false,
): StoreResults {
  const { daily: byDate, heat, reasons, sums } = foldPeriods(periods);
  let counts = emptyCounts();
  let misuse = 0;
  const daily = [];
  const weeks = new Map<string, ScoreCounts>();
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const day = byDate.get(date);
    const dayCounts = !day ? emptyCounts() : includeMisuse ? mergeCounts(day.scored, day.misuse) : day.scored;
    daily.push(point(date, dayCounts));
    counts = mergeCounts(counts, dayCounts);
    const week = weekStart(date);
    weeks.set(week, mergeCounts(weeks.get(week) ?? emptyCounts(), dayCounts));
    if (day) misuse += totalOf(day.misuse);
  }
  const heatmap = Array.from({ length: 7 }, (_, w) =>
    Array.from({ length: 24 }, (_, h) => ({
      total: heat[heatIndex(w, h, false)]!,
      positive: heat[heatIndex(w, h, true)]!,
    })),
  );
  return {
    storeId: store.storeId,
    name: store.name,
    timeZone: store.timeZone,
    from: range.from,
    to: range.to,
    total: totalOf(counts),
    counts,
    csat: csatOf(counts),
    index: indexOf(counts),
    misuse,
    daily,
    weekly: [...weeks].map(([date, c]) => point(date, c)),
    heatmap,
    reasons: Object.entries(reasons)
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    optIns: sums.opt,
    gifts: { won: sums.gw, handed: sums.gh, spontaneous: sums.gs },
    holdout: { holdout: sums.ho, treatment: sums.tr },
  };
}

export function allResults(
  stores: StoreRecord[],
  days: DayItem[],
  range: DateRange,
  includeMisuse = false,
): AllResults {
  const byStore = new Map<string, { counts: ScoreCounts; misuse: number }>();
  for (const day of days) {
    const acc = byStore.get(day.storeId) ?? { counts: emptyCounts(), misuse: 0 };
    acc.counts = mergeCounts(acc.counts, countsOf(day, includeMisuse));
    acc.misuse += totalOf(misuseCountsOf(day));
    byStore.set(day.storeId, acc);
  }
  const rows = stores.map((store) => {
    const acc = byStore.get(store.storeId) ?? { counts: emptyCounts(), misuse: 0 };
    return {
      storeId: store.storeId,
      name: store.name,
      total: totalOf(acc.counts),
      counts: acc.counts,
      csat: csatOf(acc.counts),
      index: indexOf(acc.counts),
      misuse: acc.misuse,
      rankScore: rankScoreOf(acc.counts),
      rank: 0,
    };
  });
  rows.sort((a, b) => b.rankScore - a.rankScore || b.total - a.total || a.storeId.localeCompare(b.storeId));
  rows.forEach((row, i) => {
    row.rank = i + 1;
  });
  return { from: range.from, to: range.to, method: RANKING_METHOD, stores: rows };
}
