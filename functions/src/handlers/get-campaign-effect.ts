/** GET /v1/campaigns/effect?rule&from&to: a rule's treatment against its randomised holdout, per revision. */
import { EffectQuery } from "@sonrisa/shared/schemas/effect";
import { type EffectReportDeps, effectReport } from "../domain/effect-report.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: EffectReportDeps): Main<undefined, EffectQuery> {
  return async ({ query }) => json(200, await effectReport(deps, query));
}

export const handler = httpApi("get-campaign-effect", { query: EffectQuery }, wired(makeMain));
