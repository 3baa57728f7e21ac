/** Opens the kiosk database once per page: the answer queue and a small key-value store. */

import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { BY_DRAFT_AGE, BY_SENDABLE, DB_NAME, DB_VERSION, KV, QUEUE, type QueuedAnswer } from "./db-schema.ts";

/** What a paired kiosk keeps about itself. */
export interface Device {
  deviceToken: string;
  deviceId: string;
  storeId: string;
}

/** A salted PBKDF2 hash of the last staff PIN the server accepted, for checking it offline. */
export interface PinCache {
  storeId: string;
  salt: string;
  hash: string;
}

interface KvValues {
  device: Device;
  config: KioskConfig;
  /** The ETag of the cached config, sent back so an unchanged config costs a bodiless 304. */
  configEtag: string;
  lastSync: string;
  pin: PinCache;
  pinFailures: number[];
}
export type KvKey = keyof KvValues;

interface KioskDb extends DBSchema {
  queue: {
    key: string;
    value: QueuedAnswer;
    indexes: { "by-sendable": [string, string, number]; "by-draft-age": [string, number] };
  };
  kv: { key: string; value: unknown };
}

let opening: Promise<IDBPDatabase<KioskDb>> | undefined;

export function db(): Promise<IDBPDatabase<KioskDb>> {
  opening ??= openDB<KioskDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      const queue = database.createObjectStore(QUEUE, { keyPath: "id" });
      queue.createIndex(BY_SENDABLE, ["state", "storeId", "readyAt"]);
      queue.createIndex(BY_DRAFT_AGE, ["state", "touchedAt"]);
      database.createObjectStore(KV);
    },
  });
  return opening;
}

export async function kvGet<K extends KvKey>(key: K): Promise<KvValues[K] | undefined> {
  return (await (await db()).get(KV, key)) as KvValues[K] | undefined;
}

export async function kvSet<K extends KvKey>(key: K, value: KvValues[K]): Promise<void> {
  await (await db()).put(KV, value, key);
}

export async function kvDelete(key: KvKey): Promise<void> {
  await (await db()).delete(KV, key);
}
