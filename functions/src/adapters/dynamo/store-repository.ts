/** Stores: profile (settings, staff PIN hash) and the list of all stores. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { StoreRecord, StoreRepository } from "../../domain/ports/store-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll, queryPage } from "./query-all.ts";

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
      return (await queryAll(table, keys.allStores())).map(toRecord);
    },
    async page(after, limit) {
      const out = await queryPage(table, keys.allStores(), {
        Limit: limit,
        ...(after ? { ExclusiveStartKey: keys.storeCursor(after) } : {}),
      });
      const items = (out.Items ?? []).map(toRecord);
      return out.LastEvaluatedKey && items.length ? { items, cursor: items.at(-1)!.storeId } : { items };
    },
  };
}

function toRecord(item: Record<string, unknown>): StoreRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as StoreRecord;
}
