/** GET /v1/stores: every store with its public settings (no PIN hash). */
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { realTable } from "../wiring.ts";

async function main() {
  const stores = await makeStoreRepository(realTable()).list();
  return json(200, { stores: stores.map(({ staffPinHash: _hidden, ...store }) => store) });
}

export const handler = httpApi("list-stores", {}, main);
