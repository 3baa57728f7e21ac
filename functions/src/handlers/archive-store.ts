/** POST /v1/stores/{storeId}/archive: hides the store from kiosks and rankings; its history stays. */
import { archiveStore, type StoreAdminDeps } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StoreAdminDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, { store: await archiveStore(deps, params.storeId) });
}

export const handler = httpApi("archive-store", {}, wired(makeMain));
