/** PUT /v1/stores/{storeId}/stock: sets counted quantities and low-stock thresholds of gift items. */
import { PutStockRequest } from "@sonrisa/shared/schemas/surprises";
import type { z } from "zod";
import { stockView } from "../domain/gifts.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { giftDeps } from "../wiring.ts";

async function main({ params, body }: ApiRequest<z.infer<typeof PutStockRequest>, unknown>) {
  const deps = giftDeps();
  const store = await requireStore(deps.stores, params.storeId);
  for (const item of body.items) await deps.gifts.putStock(store.storeId, item);
  return json(200, { items: stockView(await deps.gifts.stock(store.storeId)) });
}

export const handler = httpApi("put-stock", { body: PutStockRequest }, main);
