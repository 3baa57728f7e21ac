/** The one update that adds counters to a store's local-day aggregate (and indexes it for all-store reads). */
import type { Counters } from "../../domain/day-aggregate.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import type { TxItem } from "./transact.ts";

/** An `Update` transaction item adding `counters` to the day item, creating it on first use. */
export function dayCounterUpdate(table: Table, storeId: string, date: string, counters: Counters): TxItem {
  const index = keys.storeDayIndex(storeId, date);
  const names: Record<string, string> = { "#date": "date" };
  const values: Record<string, unknown> = {
    ":entity": "StoreDay",
    ":store": storeId,
    ":date": date,
    ":gsi1pk": index.gsi1pk,
    ":gsi1sk": index.gsi1sk,
  };
  const adds = Object.entries(counters).map(([attr, n], i) => {
    names[`#a${i}`] = attr;
    values[`:a${i}`] = n;
    return `#a${i} :a${i}`;
  });
  return {
    Update: {
      TableName: table.name,
      Key: keys.storeDay(storeId, date),
      UpdateExpression: `SET entity = :entity, storeId = :store, #date = :date, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk ADD ${adds.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
