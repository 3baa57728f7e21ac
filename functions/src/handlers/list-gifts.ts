/** GET /v1/stores/{storeId}/gifts?status=pending|handed|all: a store's gifts, newest first. */
import { GiftListQuery } from "@sonrisa/shared/schemas/surprises";
import type { z } from "zod";
import { listGifts } from "../domain/gifts.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { giftDeps } from "../wiring.ts";

async function main({ params, query }: ApiRequest<undefined, z.infer<typeof GiftListQuery>>) {
  const deps = giftDeps();
  const store = await requireStore(deps.stores, params.storeId);
  return json(200, { gifts: await listGifts(deps, store, query.status ?? "pending") });
}

export const handler = httpApi("list-gifts", { query: GiftListQuery }, main);
