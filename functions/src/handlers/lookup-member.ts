/** GET /v1/stores/{storeId}/members?phone=…|code=…: a member's stamps and rewards for staff; nothing personal. */
import { MemberLookupQuery } from "@sonrisa/shared/schemas/loyalty";
import { lookupMember, type MemberDeps } from "../domain/members.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: MemberDeps): Main<undefined, MemberLookupQuery> {
  return async ({ params, query, client }) => json(200, await lookupMember(deps, params.storeId, client, query));
}

export const handler = httpApi("lookup-member", { query: MemberLookupQuery }, wired(makeMain));
