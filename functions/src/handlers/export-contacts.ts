/** GET /v1/export/contacts.csv (admin): contacts with active consent as CSV, streamed page by page. */
import { Readable } from "node:stream";
import { type ContactDeps, contactsCsv } from "../domain/contacts.ts";
import { type ApiRequest, type StreamedResult, streamedHttpApi } from "../middleware/http-api.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: Pick<ContactDeps, "contacts" | "clock">) {
  return async (_request: ApiRequest<undefined, unknown>): Promise<StreamedResult> => ({
    statusCode: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="sonrisa-contacts-${deps.clock.now().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
    body: Readable.from(contactsCsv(deps), { objectMode: false }),
  });
}

export const handler = streamedHttpApi("export-contacts", {}, wired(makeMain));
