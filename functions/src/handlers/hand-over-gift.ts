/** POST /v1/stores/{storeId}/gifts: staff hand over a surprise (by code) or register a spontaneous gift. */
import { HandOverRequest } from "@sonrisa/shared/schemas/surprises";
import { type GiftDeps, handOverGift } from "../domain/gifts.ts";
import type { StaffRepository } from "../domain/ports/staff-repository.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: GiftDeps & { staff: StaffRepository }): Main<HandOverRequest, unknown> {
  return async ({ params, body, auth }) => json(201, { gift: await handOverGift(deps, params.storeId, auth!, body) });
}

export const handler = httpApi("hand-over-gift", { body: HandOverRequest }, wired(makeMain));
