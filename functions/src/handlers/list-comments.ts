/** GET /v1/stores/{storeId}/comments?from&to&cursor: comments of a store, newest first, 50 a page. */
import { LocalDate } from "@sonrisa/shared/schemas/common";
import { addDays, zonedToUtc } from "@sonrisa/shared/time";
import { z } from "zod";
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { resolveRange } from "../domain/results.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

const CommentsQuery = z.strictObject({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

async function main({ params, query }: ApiRequest<undefined, z.infer<typeof CommentsQuery>>) {
  const table = realTable();
  const store = await requireStore(makeStoreRepository(table), params.storeId);
  const range = resolveRange(query, store.timeZone, new Date());
  const fromUtc = zonedToUtc(range.from, 0, store.timeZone).toISOString();
  const toUtc = new Date(zonedToUtc(addDays(range.to, 1), 0, store.timeZone).getTime() - 1).toISOString();
  const page = await makeResultsRepository(table).comments(
    store.storeId,
    fromUtc,
    toUtc,
    query.limit ?? 50,
    query.cursor,
  );
  const comments = page.items.map((i) => ({
    id: i.id,
    at: i.at,
    localDate: i.localDate,
    score: i.score,
    comment: i.comment,
    lang: i.lang,
    reasons: i.reasons ?? [],
    misuse: Boolean(i.misuse),
  }));
  return json(200, { storeId: store.storeId, from: range.from, to: range.to, comments, cursor: page.cursor ?? null });
}

export const handler = httpApi("list-comments", { query: CommentsQuery }, main);
