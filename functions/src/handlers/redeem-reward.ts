/** POST /v1/stores/{storeId}/redemptions: staff redeem a reward with the card's rotating code, once. */
import { RedeemRequest } from "@sonrisa/shared/schemas/loyalty";
import { type MemberDeps, redeemReward } from "../domain/members.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: MemberDeps): Main<RedeemRequest, unknown> {
  return async ({ params, body, auth, client }) =>
    json(200, await redeemReward(deps, params.storeId, auth!, client, body));
}

export const handler = httpApi("redeem-reward", { body: RedeemRequest }, wired(makeMain));
