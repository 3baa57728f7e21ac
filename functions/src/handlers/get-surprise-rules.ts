/** GET /v1/surprise-rules: every surprise rule of the organisation. */
import type { RulesRepository } from "../domain/ports/rules-repository.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { rules: RulesRepository }): Main<undefined, unknown> {
  return async () => json(200, { rules: await deps.rules.get() });
}

export const handler = httpApi("get-surprise-rules", {}, wired(makeMain));
