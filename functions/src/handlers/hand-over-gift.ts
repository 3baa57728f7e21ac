/** POST /v1/stores/{storeId}/gifts: staff hand over a surprise (by code) or register a spontaneous gift. */
import { HandOverRequest } from "@sonrisa/shared/schemas/surprises";
import { handOverGift } from "../domain/gifts.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { giftDeps } from "../wiring.ts";

async function main({ params, body, auth }: ApiRequest<HandOverRequest, unknown>) {
  const deps = giftDeps();
  const store = await requireStore(deps.stores, params.storeId);
  return json(201, { gift: await handOverGift(deps, store, auth!, body) });
}

export const handler = httpApi("hand-over-gift", { body: HandOverRequest }, main);
