/** GET /v1/stores/{storeId}/stock: gift stock with what is reserved for pending surprises and low-stock flags. */
import { type StockDeps, storeStock } from "../domain/gifts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StockDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, { items: await storeStock(deps, params.storeId) });
}

export const handler = httpApi("get-stock", {}, wired(makeMain));
