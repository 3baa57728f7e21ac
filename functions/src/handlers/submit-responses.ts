/**
 * POST /v1/responses: a kiosk's batch of 1–100 answers; each item gets stored, duplicate or rejected. The
 * store's settings and the rules come from the few-second copies of the warm function (deps.hot).
 */
import { SubmitResponsesRequest } from "@sonrisa/shared/schemas/responses";
import { type IngestionDeps, ingestResponses } from "../domain/ingestion.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: IngestionDeps): Main<SubmitResponsesRequest, unknown> {
  return async ({ body, auth }) =>
    json(200, { results: await ingestResponses(deps, auth!, body.responses, body.kiosk, body.present) });
}

export const handler = httpApi(
  "submit-responses",
  { body: SubmitResponsesRequest },
  wired((deps) => makeMain({ ...deps, ...deps.hot })),
);
