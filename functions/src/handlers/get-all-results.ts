/** GET /v1/results?from&to: every store (a manager: its own) side by side, ranked so small samples cannot win by luck. */
import { ResultsQuery } from "@sonrisa/shared/schemas/results";
import { type AllResultsDeps, allResultsOver } from "../domain/all-stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AllResultsDeps): Main<undefined, ResultsQuery> {
  return async ({ query, auth }) => json(200, await allResultsOver(deps, query, auth));
}

export const handler = httpApi("get-all-results", { query: ResultsQuery }, wired(makeMain));
