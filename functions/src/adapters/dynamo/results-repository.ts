/** Reads of aggregates and answers for results, comments and export. Cost grows with the range, not with volume. */
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { monthsBetween } from "@sonrisa/shared/time";
import { Invalid } from "../../domain/errors.ts";
import { type MonthRollup, SUM_KEYS, type SumKey } from "../../domain/month-rollup.ts";
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
  /** Roll-ups of a store's months `from`..`to` (YYYY-MM) that exist. */
  storeMonths(storeId: string, from: string, to: string): Promise<MonthRollup[]>;
  /** Every month of a store that has a roll-up. */
  rolledUpMonths(storeId: string): Promise<string[]>;
  /** The store's first local day with any aggregate. */
  firstDay(storeId: string): Promise<string | undefined>;
  putMonth(rollup: MonthRollup): Promise<void>;
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
    async storeMonths(storeId, from, to) {
      const items = await queryAll(table, {
        KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
        ExpressionAttributeValues: {
          ":pk": keys.storeMonth(storeId, from).pk,
          ":from": keys.storeMonth(storeId, from).sk,
          ":to": keys.storeMonth(storeId, to).sk,
        },
      });
      return items.map(decodeMonth);
    },
    async rolledUpMonths(storeId) {
      const items = await queryAll(table, {
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :month)",
        ExpressionAttributeValues: { ":pk": keys.storeMonth(storeId, "").pk, ":month": "MONTH#" },
        ProjectionExpression: "sk",
      });
      return items.map((item) => String(item.sk).slice("MONTH#".length));
    },
    async firstDay(storeId) {
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :day)",
          ExpressionAttributeValues: { ":pk": keys.storeDay(storeId, "").pk, ":day": "DAY#" },
          ProjectionExpression: "sk",
          Limit: 1,
        }),
      );
      const sk = out.Items?.[0]?.sk;
      return typeof sk === "string" ? sk.slice("DAY#".length) : undefined;
    },
    async putMonth(rollup) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: {
            ...keys.storeMonth(rollup.storeId, rollup.month),
            entity: "StoreMonth",
            storeId: rollup.storeId,
            month: rollup.month,
            days: toBytes(rollup.days),
            heat: toBytes(rollup.heat),
            reasons: rollup.reasons,
            ...rollup.sums,
            rolledUpAt: new Date().toISOString(),
          },
        }),
      );
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

/** Counters as little-endian 32-bit words: a fixed size whatever the counts. */
function toBytes(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, w] of words.entries()) view.setUint32(i * 4, w, true);
  return bytes;
}

function fromBytes(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getUint32(i * 4, true));
}

function decodeMonth(item: Record<string, unknown>): MonthRollup {
  const sums = Object.fromEntries(SUM_KEYS.map((k) => [k, Number(item[k] ?? 0)])) as Record<SumKey, number>;
  return {
    storeId: String(item.storeId),
    month: String(item.month),
    days: fromBytes(item.days as Uint8Array),
    heat: fromBytes(item.heat as Uint8Array),
    reasons: (item.reasons ?? {}) as Record<string, number>,
    sums,
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
