/** Reads of aggregates and answers for results, comments and export (the port's adapter); month roll-ups as bytes. */
import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { monthsBetween } from "@sonrisa/shared/time";
import { type DayItem, type MonthRollup, SUM_KEYS, type SumKey } from "../../domain/day-aggregate.ts";
import { Invalid } from "../../domain/errors.ts";
import type { ResultsRepository } from "../../domain/ports/results-repository.ts";
import type { Table } from "./client.ts";
import { keys, ORG_SHARDS } from "./keys.ts";
import { keyCondition, queryAll, queryPage, queryPages } from "./query-all.ts";

export function makeResultsRepository(table: Table): ResultsRepository {
  return {
    async storeDays(storeId, from, to) {
      return (await queryAll(table, keys.storeDays(storeId, from, to))) as DayItem[];
    },
    async storeMonths(storeId, from, to) {
      return (await queryAll(table, keys.storeMonths(storeId, from, to))).map(decodeMonth);
    },
    async rolledUpMonths(storeId) {
      const items = await queryAll(table, keys.allStoreMonths(storeId), { ProjectionExpression: "sk" });
      return items.map((item) => keys.monthOfMonthSk(String(item.sk)));
    },
    async firstDay(storeId) {
      const out = await queryPage(table, keys.allStoreDays(storeId), { ProjectionExpression: "sk", Limit: 1 });
      const sk = out.Items?.[0]?.sk;
      return typeof sk === "string" ? keys.dateOfDaySk(sk) : undefined;
    },
    async putMonth(rollup, rolledUpAt) {
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
            purchases: rollup.purchases,
            ...rollup.sums,
            rolledUpAt,
          },
        }),
      );
    },
    async orgDays(from, to) {
      const queries = monthsBetween(from, to).flatMap((month) =>
        Array.from({ length: ORG_SHARDS }, (_, shard) => queryAll(table, keys.orgDays(month, shard, from, to))),
      );
      return (await Promise.all(queries)).flat() as DayItem[];
    },
    async comments(storeId, fromUtc, toUtc, limit, cursor) {
      const span = keys.storeComments(storeId, fromUtc, toUtc);
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          ...keyCondition(span),
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, span.pk) : undefined,
        }),
      );
      const next = out.LastEvaluatedKey
        ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url")
        : undefined;
      return next ? { items: out.Items ?? [], cursor: next } : { items: out.Items ?? [] };
    },
    async *answers(storeId, months, fromUtc, toUtc) {
      for (const month of months) yield* queryPages(table, keys.storeAnswers(storeId, month, fromUtc, toUtc));
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
    // Roll-ups written before purchases were counted have none.
    purchases: (item.purchases ?? {}) as MonthRollup["purchases"],
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
