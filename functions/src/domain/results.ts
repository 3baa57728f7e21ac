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
import { addDays, daysBetween, localParts, weekdayOf, weekStart } from "@sonrisa/shared/time";
import type { DayItem } from "../adapters/dynamo/results-repository.ts";
import type { StoreRecord } from "../adapters/dynamo/store-repository.ts";
import { Invalid } from "./errors.ts";

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

function num(item: DayItem, attr: string): number {
  const v = item[attr];
  return typeof v === "number" ? v : 0;
}

export function countsOf(item: DayItem, includeMisuse: boolean): ScoreCounts {
  const counts = emptyCounts();
  for (const s of SCORES) counts[s] = num(item, `s${s}`) + (includeMisuse ? num(item, `m${s}`) : 0);
  return counts;
}

function misuseOf(item: DayItem): number {
  return SCORES.reduce((sum, s) => sum + num(item, `m${s}`), 0);
}

function point(date: string, counts: ScoreCounts) {
  return { date, total: totalOf(counts), counts, csat: csatOf(counts), index: indexOf(counts) };
}

export function storeResults(
  store: StoreRecord,
  days: DayItem[],
  range: DateRange,
  includeMisuse = false,
): StoreResults {
  const byDate = new Map(days.map((d) => [d.date, d]));
  let counts = emptyCounts();
  let misuse = 0;
  const daily = [];
  const weeks = new Map<string, ScoreCounts>();
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => ({ total: 0, positive: 0 })));
  const reasons = new Map<string, number>();
  const sums = { opt: 0, gw: 0, gh: 0, gs: 0, ho: 0, tr: 0 };
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    const item = byDate.get(date);
    const dayCounts = item ? countsOf(item, includeMisuse) : emptyCounts();
    daily.push(point(date, dayCounts));
    counts = mergeCounts(counts, dayCounts);
    const week = weekStart(date);
    weeks.set(week, mergeCounts(weeks.get(week) ?? emptyCounts(), dayCounts));
    if (!item) continue;
    misuse += misuseOf(item);
    const row = heatmap[weekdayOf(date)]!;
    for (let h = 0; h < 24; h++) {
      const hh = String(h).padStart(2, "0");
      row[h]!.total += num(item, `h${hh}c`);
      row[h]!.positive += num(item, `h${hh}p`);
    }
    for (const [attr, value] of Object.entries(item)) {
      if (attr.startsWith("r_") && typeof value === "number") {
        reasons.set(attr.slice(2), (reasons.get(attr.slice(2)) ?? 0) + value);
      }
    }
    for (const k of Object.keys(sums) as Array<keyof typeof sums>) sums[k] += num(item, k);
  }
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
    reasons: [...reasons]
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
    acc.misuse += misuseOf(day);
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
