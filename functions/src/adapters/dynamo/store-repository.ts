/** Stores: profile (settings, staff PIN hash) and the list of all stores. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { StoreSettings } from "@sonrisa/shared/schemas/store";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";

export interface StoreRecord extends StoreSettings {
  storeId: string;
  staffPinHash: string;
}

export interface StoreRepository {
  get(storeId: string): Promise<StoreRecord | undefined>;
  put(store: StoreRecord): Promise<void>;
  /** Every store, by id (one index partition; stores are few and change rarely). */
  list(): Promise<StoreRecord[]>;
}

export function makeStoreRepository(table: Table): StoreRepository {
  return {
    async get(storeId) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.store(storeId) }));
      return out.Item ? toRecord(out.Item) : undefined;
    },
    async put(store) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.store(store.storeId), ...keys.storeIndex(store.storeId), entity: "Store", ...store },
        }),
      );
    },
    async list() {
      const items = await queryAll(table, {
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :p",
        ExpressionAttributeValues: { ":p": "STORES" },
      });
      return items.map(toRecord);
    },
  };
}

function toRecord(item: Record<string, unknown>): StoreRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as StoreRecord;
}
