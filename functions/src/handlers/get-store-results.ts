/** GET /v1/stores/{storeId}/results?from&to: one store's results over store-local dates. */
import { ResultsQuery } from "@sonrisa/shared/schemas/results";
import type { z } from "zod";
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { NotFound } from "../domain/errors.ts";
import { resolveRange, storeResults } from "../domain/results.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

async function main({ params, query }: ApiRequest<undefined, z.infer<typeof ResultsQuery>>) {
  const table = realTable();
  const store = await makeStoreRepository(table).get(params.storeId ?? "");
  if (!store) throw new NotFound(`No store ${params.storeId}`);
  const range = resolveRange(query, store.timeZone, new Date());
  const days = await makeResultsRepository(table).storeDays(store.storeId, range.from, range.to);
  return json(200, storeResults(store, days, range, query.includeMisuse === "true"));
}

export const handler = httpApi("get-store-results", { query: ResultsQuery }, main);
