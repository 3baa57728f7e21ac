/** GET /v1/follow-up-stats?from&to: each rule's message counts (made, held out, sent, failed, unknown, clicks…). */
import { DateRangeQuery } from "@sonrisa/shared/schemas/common";
import { type FollowUpReportDeps, followUpStats } from "../domain/follow-up-reports.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: FollowUpReportDeps): Main<undefined, { from?: string; to?: string }> {
  return async ({ query }) => json(200, await followUpStats(deps, query));
}

export const handler = httpApi("get-follow-up-stats", { query: DateRangeQuery }, wired(makeMain));
