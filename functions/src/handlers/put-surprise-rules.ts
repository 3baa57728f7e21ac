/** PUT /v1/surprise-rules: replaces every rule; the list is validated as a whole, so an invalid list changes nothing. */
import { SurpriseRules } from "@sonrisa/shared/schemas/surprises";
import type { Clock } from "../domain/ports/clock.ts";
import type { RulesRepository } from "../domain/ports/rules-repository.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { rules: RulesRepository; clock: Clock }): Main<SurpriseRules, unknown> {
  return async ({ body, auth }) => {
    await deps.rules.replace(body.rules, auth!.sub, deps.clock.now().toISOString());
    return json(200, { rules: body.rules });
  };
}

export const handler = httpApi("put-surprise-rules", { body: SurpriseRules }, wired(makeMain));
