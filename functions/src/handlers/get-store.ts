/** GET /v1/stores/{storeId}: one store's settings (never its PIN hash). */
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import { publicStore, requireStore } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { stores: StoreRepository }): Main<undefined, unknown> {
  return async ({ params }) => json(200, { store: publicStore(await requireStore(deps.stores, params.storeId)) });
}

export const handler = httpApi("get-store", {}, wired(makeMain));
