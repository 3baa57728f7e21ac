/**
 * GET /v1/export/responses.csv?from&to[&storeId][&personal=true]: answers as CSV, produced page by page.
 * Personal data (e-mail, phone, handle) only for an admin who asks for it.
 */
import { LocalDate, StoreId } from "@sonrisa/shared/schemas/common";
import { addDays, zonedToUtc } from "@sonrisa/shared/time";
import { z } from "zod";
import { makeResultsRepository, monthsBetween } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { csvHeader, csvRow } from "../domain/csv-export.ts";
import { Forbidden } from "../domain/errors.ts";
import { resolveRange } from "../domain/results.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { realTable } from "../wiring.ts";

const ExportQuery = z.strictObject({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  storeId: StoreId.optional(),
  personal: z.enum(["true", "false"]).optional(),
});

async function main({ query, auth }: ApiRequest<undefined, z.infer<typeof ExportQuery>>) {
  const personal = query.personal === "true";
  if (personal && auth?.role !== "admin") throw new Forbidden("Only an admin can export personal data");
  const table = realTable();
  const storesRepo = makeStoreRepository(table);
  const stores = query.storeId ? [await requireStore(storesRepo, query.storeId)] : await storesRepo.list();
  const results = makeResultsRepository(table);
  const parts: string[] = [csvHeader(personal)];
  let range = { from: "", to: "" };
  for (const store of stores) {
    range = resolveRange(query, store.timeZone, new Date());
    const fromUtc = zonedToUtc(range.from, 0, store.timeZone).toISOString();
    const toUtc = new Date(zonedToUtc(addDays(range.to, 1), 0, store.timeZone).getTime() - 1).toISOString();
    for await (const page of results.answers(store.storeId, monthsBetween(range.from, range.to), fromUtc, toUtc)) {
      for (const answer of page) parts.push(csvRow(answer, personal));
    }
  }
  const name = `sonrisa-${query.storeId ?? "all-stores"}-${range.from}-${range.to}.csv`;
  return {
    statusCode: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
    body: parts.join(""),
  };
}

export const handler = httpApi("export-responses", { query: ExportQuery }, main);
