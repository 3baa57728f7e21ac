/**
 * GET /v1/export/responses.csv?from&to[&storeId][&personal=true]: answers as CSV, streamed page by page.
 * Personal data (e-mail, phone, handle) only for an admin who asks for it.
 */
import { Readable } from "node:stream";
import { ExportQuery } from "@sonrisa/shared/schemas/results";
import { csvChunks } from "../domain/csv-export.ts";
import { type ExportDeps, planExport } from "../domain/export.ts";
import { type ApiRequest, type StreamedResult, streamedHttpApi } from "../middleware/http-api.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ExportDeps) {
  return async ({ query, auth }: ApiRequest<undefined, ExportQuery>): Promise<StreamedResult> => {
    // Every store's range is resolved, and a bad one refused, before the status goes out with the first byte.
    const plan = await planExport(deps, query, auth);
    return {
      statusCode: 200,
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${plan.fileName}"`,
        "cache-control": "no-store",
      },
      // Byte mode: the stream asks for the next page only once the last one has drained towards the client.
      body: Readable.from(csvChunks(plan.pages(), plan.personal), { objectMode: false }),
    };
  };
}

export const handler = streamedHttpApi("export-responses", { query: ExportQuery }, wired(makeMain));
