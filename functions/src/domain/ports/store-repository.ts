/** Stores: their settings and the hash of their staff PIN. */
import type { StoreSettings } from "@sonrisa/shared/schemas/store";
import type { Page } from "./page.ts";

export interface StoreRecord extends StoreSettings {
  storeId: string;
  staffPinHash: string;
}

export interface StoreRepository {
  get(storeId: string): Promise<StoreRecord | undefined>;
  put(store: StoreRecord): Promise<void>;
  /** Every store, by id (stores are few and change rarely). */
  list(): Promise<StoreRecord[]>;
  /** Up to `limit` stores by id, after the store `after`; the page's `cursor` is its last store's id. */
  page(after: string | undefined, limit: number): Promise<Page<StoreRecord>>;
}
