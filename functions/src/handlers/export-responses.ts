/**
 * GET /v1/export/responses.csv?from&to[&storeId][&personal=true]: answers as CSV, streamed page by page.
 * Personal data (e-mail, phone, handle) only for an admin who asks for it.
 */
import { Readable } from "node:stream";
import { LocalDate, StoreId } from "@sonrisa/shared/schemas/common";
import { addDays, monthsBetween, zonedToUtc } from "@sonrisa/shared/time";
import { z } from "zod";
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { csvChunks } from "../domain/csv-export.ts";
import { Forbidden } from "../domain/errors.ts";
import { resolveRange } from "../domain/results.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, type StreamedResult, streamedHttpApi } from "../middleware/http-api.ts";
import { realTable } from "../wiring.ts";

const ExportQuery = z.strictObject({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  storeId: StoreId.optional(),
  personal: z.enum(["true", "false"]).optional(),
});

async function main({ query, auth }: ApiRequest<undefined, z.infer<typeof ExportQuery>>): Promise<StreamedResult> {
  const personal = query.personal === "true";
  if (personal && auth?.role !== "admin") throw new Forbidden("Only an admin can export personal data");
  const table = realTable();
  const storesRepo = makeStoreRepository(table);
  const stores = query.storeId ? [await requireStore(storesRepo, query.storeId)] : await storesRepo.list();
  // Every store's range is resolved, and a bad one refused, before the status goes out with the first byte.
  const now = new Date();
  const plans = stores.map((store) => ({ store, range: resolveRange(query, store.timeZone, now) }));
  const results = makeResultsRepository(table);
  async function* pages() {
    for (const { store, range } of plans) {
      const fromUtc = zonedToUtc(range.from, 0, store.timeZone).toISOString();
      const toUtc = new Date(zonedToUtc(addDays(range.to, 1), 0, store.timeZone).getTime() - 1).toISOString();
      yield* results.answers(store.storeId, monthsBetween(range.from, range.to), fromUtc, toUtc);
    }
  }
  const range = plans.at(-1)?.range ?? { from: "", to: "" };
  const name = `sonrisa-${query.storeId ?? "all-stores"}-${range.from}-${range.to}.csv`;
  return {
    statusCode: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
    // Byte mode: the stream asks for the next page only once the last one has drained towards the client.
    body: Readable.from(csvChunks(pages(), personal), { objectMode: false }),
  };
}

export const handler = streamedHttpApi("export-responses", { query: ExportQuery }, main);
