/** Looking up the store a route names, and what of a store the API shows. */
import type { Store } from "@sonrisa/shared/schemas/store";
import { NotFound } from "./errors.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";

export async function requireStore(stores: StoreRepository, storeId: string | undefined): Promise<StoreRecord> {
  const store = storeId ? await stores.get(storeId) : undefined;
  if (!store) throw new NotFound(`No store ${storeId ?? ""}`);
  return store;
}

/** A store as the API shows it: everything but the hash of its staff PIN. */
export function publicStore({ staffPinHash: _hidden, ...store }: StoreRecord): Store {
  return store;
}

/** The stores a caller may see in lists: a manager its own, everyone else who may list them all of them. */
export function visibleTo<S extends { storeId: string }>(auth: Principal | undefined, stores: S[]): S[] {
  if (auth?.role !== "manager") return stores;
  const mine = new Set(auth.stores ?? []);
  return stores.filter((s) => mine.has(s.storeId));
}
