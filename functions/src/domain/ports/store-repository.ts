/** Stores: their settings and the hash of their staff PIN. */
import type { StoreSettings } from "@sonrisa/shared/schemas/store";

export interface StoreRecord extends StoreSettings {
  storeId: string;
  staffPinHash: string;
}

export interface StoreRepository {
  get(storeId: string): Promise<StoreRecord | undefined>;
  put(store: StoreRecord): Promise<void>;
  /** Every store, by id (stores are few and change rarely). */
  list(): Promise<StoreRecord[]>;
}
