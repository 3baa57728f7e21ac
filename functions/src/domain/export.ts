/** The CSV export's plan: which stores and local ranges, who may see personal data, and the answers page by page. */
import type { ExportQuery } from "@sonrisa/shared/schemas/results";
import { monthsBetween } from "@sonrisa/shared/time";
import { resolveRange, utcBounds } from "./date-range.ts";
import { Forbidden } from "./errors.ts";
import type { Clock } from "./ports/clock.ts";
import type { Principal } from "./ports/principal.ts";
import type { ResultsRepository } from "./ports/results-repository.ts";
import type { StoreRepository } from "./ports/store-repository.ts";
import { requireStore } from "./stores.ts";

export interface ExportDeps {
  stores: StoreRepository;
  results: Pick<ResultsRepository, "answers">;
  clock: Clock;
}

/** Checks everything that can fail before the first byte; the pages are read as the file is written. */
export async function planExport(deps: ExportDeps, query: ExportQuery, auth: Principal | undefined) {
  const personal = query.personal === "true";
  if (personal && auth?.role !== "admin") throw new Forbidden("Only an admin can export personal data");
  const stores = query.storeId ? [await requireStore(deps.stores, query.storeId)] : await deps.stores.list();
  const now = deps.clock.now();
  const plans = stores.map((store) => ({ store, range: resolveRange(query, store.timeZone, now) }));
  const range = plans.at(-1)?.range ?? { from: "", to: "" };
  async function* pages() {
    for (const { store, range } of plans) {
      const { fromUtc, toUtc } = utcBounds(range, store.timeZone);
      yield* deps.results.answers(store.storeId, monthsBetween(range.from, range.to), fromUtc, toUtc);
    }
  }
  return { personal, fileName: `sonrisa-${query.storeId ?? "all-stores"}-${range.from}-${range.to}.csv`, pages };
}
