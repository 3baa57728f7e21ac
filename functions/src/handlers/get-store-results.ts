/** GET /v1/stores/{storeId}/results?from&to: one store's results over store-local dates. */
import { ResultsQuery } from "@sonrisa/shared/schemas/results";
import { type StoreResultsDeps, storeResultsOver } from "../domain/store-periods.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StoreResultsDeps): Main<undefined, ResultsQuery> {
  return async ({ params, query }) => json(200, await storeResultsOver(deps, params.storeId, query));
}

export const handler = httpApi("get-store-results", { query: ResultsQuery }, wired(makeMain));
