/** GET /v1/stores/{storeId}/stock: gift stock with what is reserved for pending surprises and low-stock flags. */
import { stockView } from "../domain/gifts.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { giftDeps } from "../wiring.ts";

async function main({ params }: ApiRequest<undefined, unknown>) {
  const deps = giftDeps();
  const store = await requireStore(deps.stores, params.storeId);
  const items = await deps.gifts.stock(store.storeId);
  return json(200, { items: stockView(items) });
}

export const handler = httpApi("get-stock", {}, main);
