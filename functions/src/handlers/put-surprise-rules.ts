/**
 * PUT /v1/surprise-rules: replaces every rule; the list is validated as a whole, so an invalid list changes
 * nothing. Each change is kept as a revision.
 */
import { SurpriseRules } from "@sonrisa/shared/schemas/surprises";
import { type RulesDeps, replaceRules } from "../domain/surprise-rules.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: RulesDeps): Main<SurpriseRules, unknown> {
  return async ({ body, auth }) => json(200, { rules: await replaceRules(deps, auth!, body.rules) });
}

export const handler = httpApi("put-surprise-rules", { body: SurpriseRules }, wired(makeMain));
