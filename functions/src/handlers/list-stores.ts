/** GET /v1/stores: every store with its public settings (no PIN hash). */
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import { publicStore } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { stores: StoreRepository }): Main<undefined, unknown> {
  return async () => json(200, { stores: (await deps.stores.list()).map(publicStore) });
}

export const handler = httpApi("list-stores", {}, wired(makeMain));
