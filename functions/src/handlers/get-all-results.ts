/** GET /v1/results?from&to: every store (a manager: its own) side by side, ranked so small samples cannot win by luck. */
import type { ResultsQuery } from "@sonrisa/shared/schemas/results";
import { ResultsQuery as Query } from "@sonrisa/shared/schemas/results";
import { resolveRange } from "../domain/date-range.ts";
import type { Clock } from "../domain/ports/clock.ts";
import type { ResultsRepository } from "../domain/ports/results-repository.ts";
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import { allResults } from "../domain/results.ts";
import { visibleTo } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

interface Deps {
  stores: StoreRepository;
  results: ResultsRepository;
  clock: Clock;
}

/** Without explicit dates, "today" is taken in UTC for the organisation as a whole. */
export function makeMain(deps: Deps): Main<undefined, ResultsQuery> {
  return async ({ query, auth }) => {
    const range = resolveRange(query, "UTC", deps.clock.now());
    const [stores, days] = await Promise.all([deps.stores.list(), deps.results.orgDays(range.from, range.to)]);
    // Rows come from the stores listed, so a manager's ranking has only its own stores.
    return json(200, allResults(visibleTo(auth, stores), days, range, query.includeMisuse === "true"));
  };
}

export const handler = httpApi("get-all-results", { query: Query }, wired(makeMain));
