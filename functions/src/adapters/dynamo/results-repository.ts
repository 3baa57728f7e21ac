/** Reads of aggregates and answers for results, comments and export. Cost grows with the range, not with volume. */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { Invalid } from "../../domain/errors.ts";
import type { Table } from "./client.ts";
import { keys, ORG_SHARDS } from "./keys.ts";
import { queryAll } from "./query-all.ts";

export type DayItem = Record<string, unknown> & { storeId: string; date: string };

export interface Page<T> {
  items: T[];
  cursor?: string;
}

export interface ResultsRepository {
  storeDays(storeId: string, from: string, to: string): Promise<DayItem[]>;
  orgDays(from: string, to: string): Promise<DayItem[]>;
  comments(
    storeId: string,
    fromUtc: string,
    toUtc: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Record<string, unknown>>>;
  /** Answers of a store between two instants, oldest first, page by page. */
  answers(storeId: string, months: string[], fromUtc: string, toUtc: string): AsyncGenerator<Record<string, unknown>[]>;
}

export function makeResultsRepository(table: Table): ResultsRepository {
  return {
    async storeDays(storeId, from, to) {
      const pk = keys.storeDay(storeId, from).pk;
      return (await queryAll(table, {
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: { ":pk": pk, ":from": `DAY#${from}`, ":to": `DAY#${to}` },
      })) as DayItem[];
    },
    async orgDays(from, to) {
      const queries = monthsBetween(from, to).flatMap((month) =>
        Array.from({ length: ORG_SHARDS }, (_, shard) =>
          queryAll(table, {
            IndexName: "gsi1",
            KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
            ExpressionAttributeValues: { ":pk": `ORGMONTH#${month}#${shard}`, ":from": `${from}#`, ":to": `${to}#~` },
          }),
        ),
      );
      return (await Promise.all(queries)).flat() as DayItem[];
    },
    async comments(storeId, fromUtc, toUtc, limit, cursor) {
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to",
          ExpressionAttributeValues: {
            ":pk": keys.commentByStore(storeId, "", "").gsi2pk,
            ":from": fromUtc,
            ":to": `${toUtc}~`,
          },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, keys.commentByStore(storeId, "", "").gsi2pk) : undefined,
        }),
      );
      const next = out.LastEvaluatedKey
        ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url")
        : undefined;
      return next ? { items: out.Items ?? [], cursor: next } : { items: out.Items ?? [] };
    },
    async *answers(storeId, months, fromUtc, toUtc) {
      for (const month of months) {
        let start: Record<string, unknown> | undefined;
        do {
          const out = await table.doc.send(
            new QueryCommand({
              TableName: table.name,
              IndexName: "gsi1",
              KeyConditionExpression: "gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to",
              ExpressionAttributeValues: {
                ":pk": keys.responseByStore(storeId, month, "", "").gsi1pk,
                ":from": fromUtc,
                ":to": `${toUtc}~`,
              },
              ExclusiveStartKey: start,
            }),
          );
          if (out.Items?.length) yield out.Items;
          start = out.LastEvaluatedKey;
        } while (start);
      }
    },
  };
}

/** A cursor is the last key of a page of this store's comments; anything else is refused. */
function decodeCursor(cursor: string, gsi2pk: string): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    throw new Invalid("The cursor is not valid");
  }
  const k = key as Record<string, unknown> | null;
  const wanted = ["gsi2pk", "gsi2sk", "pk", "sk"];
  const ok =
    typeof k === "object" &&
    k !== null &&
    Object.keys(k).sort().join() === [...wanted].sort().join() &&
    wanted.every((name) => typeof k[name] === "string") &&
    k.gsi2pk === gsi2pk;
  if (!ok) throw new Invalid("The cursor is not valid");
  return k;
}

/** YYYY-MM of every month touched by a date range. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.push(month);
    if (month >= end) return months;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}
