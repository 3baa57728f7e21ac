/** GET /v1/results?from&to: every store side by side, ranked so small samples cannot win by luck. */
import { ResultsQuery } from "@sonrisa/shared/schemas/results";
import type { z } from "zod";
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { allResults, resolveRange } from "../domain/results.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

/** Without explicit dates, "today" is taken in UTC for the organisation as a whole. */
async function main({ query }: ApiRequest<undefined, z.infer<typeof ResultsQuery>>) {
  const table = realTable();
  const range = resolveRange(query, "UTC", new Date());
  const [stores, days] = await Promise.all([
    makeStoreRepository(table).list(),
    makeResultsRepository(table).orgDays(range.from, range.to),
  ]);
  return json(200, allResults(stores, days, range, query.includeMisuse === "true"));
}

export const handler = httpApi("get-all-results", { query: ResultsQuery }, main);
