/**
 * Every store side by side. Without dates, each store's range ends on its own today (a store in Mexico
 * City and one in Madrid are on different dates for hours each night); with dates, all share them.
 */
import type { AllResults, ResultsQuery } from "@sonrisa/shared/schemas/results";
import { type DateRange, resolveRange } from "./date-range.ts";
import type { Clock } from "./ports/clock.ts";
import type { Principal } from "./ports/principal.ts";
import type { ResultsRepository } from "./ports/results-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { allResults } from "./results.ts";
import { visibleTo } from "./stores.ts";

export interface AllResultsDeps {
  stores: Pick<StoreRepository, "list">;
  results: Pick<ResultsRepository, "orgDays">;
  clock: Clock;
}

/** Rows come from the stores the principal may see, so a manager's ranking has only its own stores. */
export async function allResultsOver(
  deps: AllResultsDeps,
  query: ResultsQuery,
  auth: Principal | undefined,
): Promise<AllResults> {
  const now = deps.clock.now();
  const stores = visibleTo(
    auth,
    (await deps.stores.list()).filter((s) => !s.archivedAt),
  );
  const ranges = new Map(stores.map((s) => [s.storeId, resolveRange(query, s.timeZone, now)]));
  // One read over the union of the stores' ranges (they differ by a day at most), each store then keeps its own.
  const union = unionOf([...ranges.values()]) ?? resolveRange(query, "UTC", now);
  const days = (await deps.results.orgDays(union.from, union.to)).filter((d) => {
    const range = ranges.get(d.storeId);
    return range !== undefined && d.date >= range.from && d.date <= range.to;
  });
  return allResults(stores, days, union, query.includeMisuse === "true", ranges);
}

function unionOf(ranges: DateRange[]): DateRange | undefined {
  if (ranges.length === 0) return undefined;
  return {
    from: ranges.reduce((min, r) => (r.from < min ? r.from : min), ranges[0]!.from),
    to: ranges.reduce((max, r) => (r.to > max ? r.to : max), ranges[0]!.to),
  };
}
