/** PUT /v1/follow-up-rules: replaces every rule; validated as a whole (with the stores' languages), or nothing changes. */
import { FollowUpRules } from "@sonrisa/shared/schemas/follow-ups";
import { type FollowUpRuleDeps, replaceFollowUpRules } from "../domain/follow-up-rules.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: FollowUpRuleDeps): Main<FollowUpRules, unknown> {
  return async ({ body, auth }) => json(200, { rules: await replaceFollowUpRules(deps, body.rules, auth!.sub) });
}

export const handler = httpApi("put-follow-up-rules", { body: FollowUpRules }, wired(makeMain));
