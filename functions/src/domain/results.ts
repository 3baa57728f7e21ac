/** Results from day aggregates and month roll-ups: totals, CSAT, index, series, heatmap, reasons, ranking. */
import type { AllResults, ScoreCounts, StoreResults } from "@sonrisa/shared/schemas/results";
import {
  csatOf,
  emptyCounts,
  indexOf,
  mergeCounts,
  RANKING_METHOD,
  rankScoreOf,
  totalOf,
} from "@sonrisa/shared/scoring";
import { addDays, weekStart } from "@sonrisa/shared/time";
import type { DateRange } from "./date-range.ts";
import {
  addDayTotals,
  addTotals,
  countsOf,
  type DayCounts,
  type DayItem,
  emptyTotals,
  heatIndex,
  memberCountsOf,
  misuseCountsOf,
  type StorePeriods,
  unpackMonth,
} from "./day-aggregate.ts";
import type { StoreRecord } from "./ports/store-repository.ts";

function point(date: string, counts: ScoreCounts) {
  return { date, total: totalOf(counts), counts, csat: csatOf(counts), index: indexOf(counts) };
}

/** Per-day counts and the totals of the periods read. */
function foldPeriods(periods: StorePeriods) {
  const daily = new Map<string, DayCounts>();
  const totals = emptyTotals();
  for (const item of periods.days) {
    daily.set(item.date, { scored: countsOf(item, false), misuse: misuseCountsOf(item) });
    addDayTotals(totals, item);
  }
  for (const m of periods.months) {
    for (const [date, counts] of unpackMonth(m)) daily.set(date, counts);
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
  const { daily: byDate, heat, reasons, sums, purchases } = foldPeriods(periods);
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
    members: memberCountsOf(sums),
    purchases: {
      count: Object.values(purchases).reduce((n, p) => n + p.count, 0),
      revenue: Object.entries(purchases)
        .map(([currency, p]) => ({ currency, count: p.count, amount: p.amount }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    },
  };
}

/**
 * Every store that is not archived, ranked; stores without answers in the range come last, unranked.
 * `ranges` gives each store's own dates when they differ from the overall `range`.
 */
export function allResults(
  stores: StoreRecord[],
  days: DayItem[],
  range: DateRange,
  includeMisuse = false,
  ranges?: Map<string, DateRange>,
): AllResults {
  const byStore = new Map<string, { counts: ScoreCounts; misuse: number }>();
  for (const day of days) {
    const acc = byStore.get(day.storeId) ?? { counts: emptyCounts(), misuse: 0 };
    acc.counts = mergeCounts(acc.counts, countsOf(day, includeMisuse));
    acc.misuse += totalOf(misuseCountsOf(day));
    byStore.set(day.storeId, acc);
  }
  const rows = stores
    .filter((store) => !store.archivedAt)
    .map((store) => {
      const acc = byStore.get(store.storeId) ?? { counts: emptyCounts(), misuse: 0 };
      const own = ranges?.get(store.storeId) ?? range;
      return {
        storeId: store.storeId,
        name: store.name,
        from: own.from,
        to: own.to,
        total: totalOf(acc.counts),
        counts: acc.counts,
        csat: csatOf(acc.counts),
        index: indexOf(acc.counts),
        misuse: acc.misuse,
        rankScore: rankScoreOf(acc.counts),
        rank: null as number | null,
      };
    });
  // A store without answers has no place in the ranking: it is listed after every store that has some.
  const answered = (row: { total: number }) => (row.total > 0 ? 0 : 1);
  rows.sort(
    (a, b) =>
      answered(a) - answered(b) || b.rankScore - a.rankScore || b.total - a.total || a.storeId.localeCompare(b.storeId),
  );
  rows.forEach((row, i) => {
    row.rank = row.total > 0 ? i + 1 : null;
  });
  return { from: range.from, to: range.to, method: RANKING_METHOD, stores: rows };
}
