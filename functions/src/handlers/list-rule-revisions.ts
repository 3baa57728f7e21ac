/** GET /v1/surprise-rules/revisions?limit&cursor: every change of the rules, newest first. */
import { RuleRevisionsQuery } from "@sonrisa/shared/schemas/surprises";
import type { RulesRepository } from "../domain/ports/rules-repository.ts";
import { listRuleRevisions } from "../domain/surprise-rules.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { rules: RulesRepository }): Main<undefined, RuleRevisionsQuery> {
  return async ({ query }) => json(200, await listRuleRevisions(deps, query));
}

export const handler = httpApi("list-rule-revisions", { query: RuleRevisionsQuery }, wired(makeMain));
