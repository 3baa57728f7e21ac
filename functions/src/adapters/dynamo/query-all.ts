/** Every page of a query, for the reads whose size is bounded by design (a range of days, the store list). */
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Table } from "./client.ts";

export async function queryAll(table: Table, input: Omit<QueryCommandInput, "TableName">) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.doc.send(new QueryCommand({ TableName: table.name, ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
