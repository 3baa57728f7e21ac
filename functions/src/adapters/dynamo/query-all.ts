/** Queries by the key spans and prefixes of keys.ts: every page of a bounded read, or one page with a cursor key. */
import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { Table } from "./client.ts";
import type { KeyPrefix, KeySpan } from "./keys.ts";

/** Anything else a query takes; its attribute names and values are added to the key condition's. */
type Extra = Omit<QueryCommandInput, "TableName" | "IndexName" | "KeyConditionExpression">;

/** The query input for a span or a prefix, on the table or its index. */
export function keyCondition(
  range: KeySpan | KeyPrefix,
): Pick<
  QueryCommandInput,
  "IndexName" | "KeyConditionExpression" | "ExpressionAttributeNames" | "ExpressionAttributeValues"
> {
  const pk = range.index ? `${range.index}pk` : "pk";
  const sk = range.index ? `${range.index}sk` : "sk";
  const names = { "#pk": pk, "#sk": sk };
  if ("prefix" in range) {
    return range.prefix
      ? {
          IndexName: range.index,
          KeyConditionExpression: "#pk = :pk AND begins_with(#sk, :prefix)",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ":pk": range.pk, ":prefix": range.prefix },
        }
      : {
          IndexName: range.index,
          KeyConditionExpression: "#pk = :pk",
          ExpressionAttributeNames: { "#pk": pk },
          ExpressionAttributeValues: { ":pk": range.pk },
        };
  }
  return {
    IndexName: range.index,
    KeyConditionExpression: "#pk = :pk AND #sk BETWEEN :from AND :to",
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: { ":pk": range.pk, ":from": range.from, ":to": range.to },
  };
}

/** One page of a query. */
export async function queryPage(table: Table, range: KeySpan | KeyPrefix, extra: Extra = {}) {
  const condition = keyCondition(range);
  const names = { ...condition.ExpressionAttributeNames, ...extra.ExpressionAttributeNames };
  const values = { ...condition.ExpressionAttributeValues, ...extra.ExpressionAttributeValues };
  return table.doc.send(
    new QueryCommand({
      TableName: table.name,
      ...condition,
      ...extra,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/** Every page of a query, for the reads whose size is bounded by design (a range of days, the store list). */
export async function queryAll(table: Table, range: KeySpan | KeyPrefix, extra: Extra = {}) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await queryPage(table, range, { ...extra, ExclusiveStartKey: start });
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every page of a query, one page at a time, for reads that stream (the CSV export). */
export async function* queryPages(table: Table, range: KeySpan | KeyPrefix, extra: Extra = {}) {
  let start: Record<string, unknown> | undefined;
  do {
    const out = await queryPage(table, range, { ...extra, ExclusiveStartKey: start });
    if (out.Items?.length) yield out.Items;
    start = out.LastEvaluatedKey;
  } while (start);
}
