/** The staff console's numbers of the store-local day: answers, CSAT, index, opt-ins, gifts and pending gifts. */
import type { StoreToday } from "@sonrisa/shared/schemas/results";
import { csatOf, emptyCounts, indexOf, mergeCounts, totalOf } from "@sonrisa/shared/scoring";
import { localParts } from "@sonrisa/shared/time";
import { addDayTotals, countsOf, emptyTotals } from "./day-aggregate.ts";
import { type GiftDeps, listGifts } from "./gifts.ts";
import type { ResultsRepository } from "./ports/results-repository.ts";
import { requireStore } from "./stores.ts";

export interface TodayDeps extends GiftDeps {
  results: Pick<ResultsRepository, "storeDays">;
}

/** The staff console's numbers of the store-local day. */
export async function storeToday(deps: TodayDeps, storeId: string | undefined): Promise<StoreToday> {
  const store = await requireStore(deps.stores, storeId);
  const today = localParts(deps.clock.now(), store.timeZone).date;
  const [days, pending] = await Promise.all([
    deps.results.storeDays(store.storeId, today, today),
    listGifts(deps, store.storeId, "pending"),
  ]);
  const totals = emptyTotals();
  for (const day of days) addDayTotals(totals, day);
  const counts = days.reduce((sum, day) => mergeCounts(sum, countsOf(day, false)), emptyCounts());
  return {
    storeId: store.storeId,
    name: store.name,
    date: today,
    total: totalOf(counts),
    csat: csatOf(counts),
    index: indexOf(counts),
    optIns: totals.sums.opt,
    gifts: { won: totals.sums.gw, handed: totals.sums.gh, spontaneous: totals.sums.gs },
    pendingGifts: pending.gifts.length,
  };
}
