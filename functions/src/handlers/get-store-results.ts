/** GET /v1/stores/{storeId}/results?from&to: one store's results over store-local dates. */
import { ResultsQuery } from "@sonrisa/shared/schemas/results";
import { localParts } from "@sonrisa/shared/time";
import type { z } from "zod";
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { NotFound } from "../domain/errors.ts";
import { resolveRange, storeResults } from "../domain/results.ts";
import { readStorePeriods } from "../domain/store-periods.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

async function main({ params, query }: ApiRequest<undefined, z.infer<typeof ResultsQuery>>) {
  const table = realTable();
  const store = await makeStoreRepository(table).get(params.storeId ?? "");
  if (!store) throw new NotFound(`No store ${params.storeId}`);
  const now = new Date();
  const range = resolveRange(query, store.timeZone, now);
  const today = localParts(now, store.timeZone).date;
  const periods = await readStorePeriods(makeResultsRepository(table), store.storeId, range, today);
  return json(200, storeResults(store, periods, range, query.includeMisuse === "true"));
}

export const handler = httpApi("get-store-results", { query: ResultsQuery }, main);
