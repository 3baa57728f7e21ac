/** GET /v1/stores/{storeId}/gifts?status=pending|handed|all[&limit&cursor]: a page of a store's gifts, newest first. */
import { GiftListQuery } from "@sonrisa/shared/schemas/surprises";
import type { z } from "zod";
import { type GiftDeps, listGifts } from "../domain/gifts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: GiftDeps): Main<undefined, z.infer<typeof GiftListQuery>> {
  return async ({ params, query }) =>
    json(200, await listGifts(deps, params.storeId, query.status ?? "pending", query));
}

export const handler = httpApi("list-gifts", { query: GiftListQuery }, wired(makeMain));
