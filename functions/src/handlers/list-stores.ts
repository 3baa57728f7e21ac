/** GET /v1/stores: every store (a manager: its own) with its public settings (no PIN hash). */
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import { publicStore, visibleTo } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { stores: StoreRepository }): Main<undefined, unknown> {
  return async ({ auth }) => json(200, { stores: visibleTo(auth, await deps.stores.list()).map(publicStore) });
}

export const handler = httpApi("list-stores", {}, wired(makeMain));
