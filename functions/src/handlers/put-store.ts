/** PUT /v1/stores/{storeId}: replaces a store's settings, validated as a whole; invalid changes nothing. */
import { StoreSettings } from "@sonrisa/shared/schemas/store";
import { replaceStoreSettings, type StoreAdminDeps } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StoreAdminDeps): Main<StoreSettings, unknown> {
  return async ({ params, body, auth }) =>
    json(200, { store: await replaceStoreSettings(deps, auth!, params.storeId, body) });
}

export const handler = httpApi("put-store", { body: StoreSettings }, wired(makeMain));
