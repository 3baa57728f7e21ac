/** Looking up the store a route names. */
import type { StoreRecord, StoreRepository } from "../adapters/dynamo/store-repository.ts";
import { NotFound } from "./errors.ts";

export async function requireStore(stores: StoreRepository, storeId: string | undefined): Promise<StoreRecord> {
  const store = storeId ? await stores.get(storeId) : undefined;
  if (!store) throw new NotFound(`No store ${storeId ?? ""}`);
  return store;
}
