/** GET /v1/surprise-rules: every surprise rule of the organisation. */
import { makeRulesRepository } from "../adapters/dynamo/rules-repository.ts";
import { httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

async function main() {
  return json(200, { rules: await makeRulesRepository(realTable()).get() });
}

export const handler = httpApi("get-surprise-rules", {}, main);
