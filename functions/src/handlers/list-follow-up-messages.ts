/** GET /v1/follow-up-messages?ruleId&from&to&cursor: a rule's messages, newest first, with status and clicks. */
import { FollowUpMessagesQuery } from "@sonrisa/shared/schemas/follow-ups";
import { type FollowUpReportDeps, followUpMessages } from "../domain/follow-up-reports.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: FollowUpReportDeps): Main<undefined, FollowUpMessagesQuery> {
  return async ({ query }) => json(200, await followUpMessages(deps, query));
}

export const handler = httpApi("list-follow-up-messages", { query: FollowUpMessagesQuery }, wired(makeMain));
