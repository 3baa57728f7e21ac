/** POST /v1/stores: a new store with its settings (201); 409 when the id is taken. */
import { CreateStoreRequest } from "@sonrisa/shared/schemas/store";
import { createStore, type StoreAdminDeps } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StoreAdminDeps): Main<CreateStoreRequest, unknown> {
  return async ({ body, auth }) => json(201, { store: await createStore(deps, auth!, body) });
}

export const handler = httpApi("create-store", { body: CreateStoreRequest }, wired(makeMain));
