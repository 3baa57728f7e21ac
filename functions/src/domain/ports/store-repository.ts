/** Stores: their settings, archive date, the hash of their staff PIN, and every consent version they showed. */
import type { ConsentVersion, StoreSettings } from "@sonrisa/shared/schemas/store";
import type { Page } from "./page.ts";

export interface StoreRecord extends StoreSettings {
  storeId: string;
  /** Absent until a staff PIN is set. */
  staffPinHash?: string;
  /** Set once the store is archived: hidden from kiosks and rankings, its history kept. */
  archivedAt?: string;
}

/** What replacing a store's settings did: done, no such store, or a consent version written meanwhile. */
export type ReplaceOutcome = "replaced" | "missing" | "consent-taken";

export interface StoreRepository {
  get(storeId: string): Promise<StoreRecord | undefined>;
  put(store: StoreRecord): Promise<void>;
  /** Every store, by id (stores are few and change rarely). */
  list(): Promise<StoreRecord[]>;
  /** Creates the store with its first consent version, both or neither; false when the id is taken. */
  create(store: StoreRecord, consent: ConsentVersion): Promise<boolean>;
  /**
   * Replaces the settings of an existing store (its PIN hash and archive date stay) and, in the same
   * transaction, keeps the consent versions given, each only if that version is not kept yet.
   */
  replaceSettings(storeId: string, settings: StoreSettings, newConsents: ConsentVersion[]): Promise<ReplaceOutcome>;
  /** Archives the store (once: the first date stays); undefined when there is no such store. */
  archive(storeId: string, at: string): Promise<StoreRecord | undefined>;
  /** Every consent version kept for the store. */
  consentVersions(storeId: string): Promise<ConsentVersion[]>;
  consentVersion(storeId: string, version: string): Promise<ConsentVersion | undefined>;
  /** Up to `limit` stores by id, after the store `after`; the page's `cursor` is its last store's id. */
  page(after: string | undefined, limit: number): Promise<Page<StoreRecord>>;
}
