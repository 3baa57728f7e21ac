/** Reads of aggregates and answers for results, comments and export (the port's adapter); month roll-ups as bytes. */
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { monthsBetween } from "@sonrisa/shared/time";
import { type DayItem, type MonthRollup, SUM_KEYS, type SumKey } from "../../domain/day-aggregate.ts";
import { Invalid } from "../../domain/errors.ts";
import type { ResultsRepository } from "../../domain/ports/results-repository.ts";
import type { Table } from "./client.ts";
import { type KeySpan, keys, ORG_SHARDS } from "./keys.ts";
import { keyCondition, queryAll, queryPage, queryPages } from "./query-all.ts";
import { putIf } from "./transact.ts";

/** What the all-store view needs of a day item: who, when, and the score and misuse counts. */
/**
 * The export reads a store's answers in pages of at most this many (about 0.4 MB with long comments) instead of
 * DynamoDB's 1 MB, so its first rows leave sooner and a page's rows are written before the next is read.
 */
export const EXPORT_PAGE_ANSWERS = 500;

const ORG_DAY_PROJECTION = ["storeId", "#date", "s1", "s2", "s3", "s4", "s5", "m1", "m2", "m3", "m4", "m5"].join(", ");

export function makeResultsRepository(table: Table): ResultsRepository {
  return {
    async storeDays(storeId, from, to, opts) {
      return (await queryAll(table, keys.storeDays(storeId, from, to), {
        ...(opts?.consistent ? { ConsistentRead: true } : {}),
      })) as DayItem[];
    },
    async storeMonths(storeId, from, to) {
      return (await queryAll(table, keys.storeMonths(storeId, from, to))).filter(isCurrent).map(decodeMonth);
    },
    async monthStates(storeId) {
      const items = await queryAll(table, keys.allStoreMonths(storeId), {
        ProjectionExpression: "sk, rev, rolledRev, rolledUpAt",
        ConsistentRead: true,
      });
      return items.map((item) => ({
        month: keys.monthOfMonthSk(String(item.sk)),
        rev: Number(item.rev ?? 0),
        current: isCurrent(item),
      }));
    },
    async firstDay(storeId) {
      const out = await queryPage(table, keys.allStoreDays(storeId), { ProjectionExpression: "sk", Limit: 1 });
      const sk = out.Items?.[0]?.sk;
      return typeof sk === "string" ? keys.dateOfDaySk(sk) : undefined;
    },
    putMonth(rollup, rolledUpAt, rev) {
      // Only over the revision the days were read at: a late answer since then leaves the item alone.
      return putIf(table, {
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
          rev,
          rolledRev: rev,
        },
        ConditionExpression: rev === 0 ? "attribute_not_exists(rev) OR rev = :rev" : "rev = :rev",
        ExpressionAttributeValues: { ":rev": rev },
      });
    },
    async orgDays(from, to) {
      const queries = monthsBetween(from, to).flatMap((month) =>
        Array.from({ length: ORG_SHARDS }, (_, shard) =>
          queryAll(table, keys.orgDays(month, shard, from, to), {
            ProjectionExpression: ORG_DAY_PROJECTION,
            ExpressionAttributeNames: { "#date": "date" },
          }),
        ),
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
          ExclusiveStartKey: cursor ? decodeCursor(cursor, storeId, span) : undefined,
        }),
      );
      const last = out.LastEvaluatedKey?.gsi2sk;
      const next = typeof last === "string" ? Buffer.from(last).toString("base64url") : undefined;
      return next ? { items: out.Items ?? [], cursor: next } : { items: out.Items ?? [] };
    },
    async *answers(storeId, months, fromUtc, toUtc) {
      for (const month of months) {
        yield* queryPages(table, keys.storeAnswers(storeId, month, fromUtc, toUtc), { Limit: EXPORT_PAGE_ANSWERS });
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

/**
 * A roll-up is current when it exists (has its days) and no late answer landed in its month since it was
 * written (`rev`, counted by ingestion, still equals the `rolledRev` it was written at). Roll-ups written
 * before revisions existed have neither and count as current.
 */
function isCurrent(item: Record<string, unknown>): boolean {
  return item.rolledUpAt !== undefined && Number(item.rev ?? 0) === Number(item.rolledRev ?? 0);
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

/**
 * A cursor is the index sort key of the last comment of a page (`<atUtc>#<answer id>`); the whole key is
 * rebuilt from it. One that is not such a key, or lies outside this query's range, is refused with 400
 * rather than handed to DynamoDB (which fails on a start key outside the key condition).
 */
function decodeCursor(cursor: string, storeId: string, span: KeySpan): Record<string, unknown> {
  const sk = Buffer.from(cursor, "base64url").toString();
  const key = keys.commentCursor(storeId, sk);
  if (!key || sk < span.from || sk > span.to) throw new Invalid("The cursor is not valid");
  return key;
}
