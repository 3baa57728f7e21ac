/** GET /v1/follow-up-rules: every follow-up rule of the organisation. */
import type { FollowUpRulesRepository } from "../domain/ports/follow-up-rules-repository.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { followUpRules: FollowUpRulesRepository }): Main<undefined, unknown> {
  return async () => json(200, { rules: await deps.followUpRules.get() });
}

export const handler = httpApi("get-follow-up-rules", {}, wired(makeMain));
