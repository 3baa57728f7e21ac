/** POST /v1/responses: a kiosk's batch of 1–100 answers; each item gets stored, duplicate or rejected. */
import { SubmitResponsesRequest } from "@sonrisa/shared/schemas/responses";
import type { z } from "zod";
import { makeAnswerWriter } from "../adapters/dynamo/answer-writer.ts";
import { makeRulesRepository } from "../adapters/dynamo/rules-repository.ts";
import { ingestResponses } from "../domain/ingestion.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { authDeps, realTable } from "../wiring.ts";

async function main({ body, auth }: ApiRequest<z.infer<typeof SubmitResponsesRequest>, unknown>) {
  const table = realTable();
  const deps = { ...authDeps(), rules: makeRulesRepository(table), writer: makeAnswerWriter(table) };
  return json(200, { results: await ingestResponses(deps, auth!, body.responses) });
}

export const handler = httpApi("submit-responses", { body: SubmitResponsesRequest }, main);
