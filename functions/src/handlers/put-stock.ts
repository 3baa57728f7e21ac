/** PUT /v1/stores/{storeId}/stock: sets counted quantities and low-stock thresholds of gift items. */
import { PutStockRequest } from "@sonrisa/shared/schemas/surprises";
import { putStoreStock, type StockDeps } from "../domain/gifts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StockDeps): Main<PutStockRequest, unknown> {
  return async ({ params, body }) => json(200, { items: await putStoreStock(deps, params.storeId, body.items) });
}

export const handler = httpApi("put-stock", { body: PutStockRequest }, wired(makeMain));
