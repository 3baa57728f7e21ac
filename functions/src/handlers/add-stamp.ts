/** POST /v1/stores/{storeId}/stamps: staff add a stamp for a purchase, with a reason; a retried key adds nothing. */
import { AddStampRequest } from "@sonrisa/shared/schemas/loyalty";
import { addStaffStamp, type MemberDeps } from "../domain/members.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: MemberDeps): Main<AddStampRequest, unknown> {
  return async ({ params, body, auth, client }) => {
    const result = await addStaffStamp(deps, params.storeId, auth!, client, body);
    return json(result.added ? 201 : 200, result);
  };
}

export const handler = httpApi("add-stamp", { body: AddStampRequest }, wired(makeMain));
