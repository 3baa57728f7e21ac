/** PUT /v1/surprise-rules: replaces every rule; the list is validated as a whole, so an invalid list changes nothing. */
import { SurpriseRules } from "@sonrisa/shared/schemas/surprises";
import { makeRulesRepository } from "../adapters/dynamo/rules-repository.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

async function main({ body, auth }: ApiRequest<SurpriseRules, unknown>) {
  await makeRulesRepository(realTable()).replace(body.rules, auth!.sub, new Date().toISOString());
  return json(200, { rules: body.rules });
}

export const handler = httpApi("put-surprise-rules", { body: SurpriseRules }, main);
