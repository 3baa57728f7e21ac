/**
 * Exposures and the effect report's counters on the table: an exposure, its person's first-exposure mark and
 * its day's counters in one transaction; a credit replaces the exposure under its version and adds the
 * counters' change in one transaction, so a counter never counts an outcome its exposure does not hold.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type {
  EffectCounters,
  EffectDay,
  EffectRepository,
  ExposureRecord,
} from "../../domain/ports/effect-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { type TxItem, transact } from "./transact.ts";

/** Outcomes stop 60 days after an exposure; a late event may still arrive, so it is kept a while longer. */
const EXPOSURE_KEEP_DAYS = 120;
/** The first-exposure mark must outlive any report of its revision. */
const MARK_KEEP_DAYS = 800;

export function makeEffectRepository(table: Table): EffectRepository {
  return {
    async expose(exposure, counters) {
      return (await transact(table, exposeItems(table, exposure, counters))) === -1;
    },
    async exposuresOf(contactId, fromUtc, toUtc) {
      const items = await queryAll(table, keys.contactExposures(contactId, fromUtc, toUtc), { ConsistentRead: true });
      return items.map((i) => withoutKeys<ExposureRecord>(i));
    },
    async get(contactId, at, ruleId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.exposure(contactId, at, ruleId), ConsistentRead: true }),
      );
      return out.Item ? withoutKeys<ExposureRecord>(out.Item) : undefined;
    },
    async credit(after, counters) {
      return (await transact(table, creditItems(table, after, counters))) === -1;
    },
    async creditAndExpose(credits, exposures) {
      const items = [
        ...credits.flatMap(({ after, counters }) => creditItems(table, after, counters)),
        ...exposures.flatMap(({ exposure, counters }) => exposeItems(table, exposure, counters)),
      ];
      // A transaction takes 100 items, each item once: two writes to one day's counters go one by one.
      const targets = new Set(items.map(keyOf));
      if (items.length === 0 || items.length > 100 || targets.size < items.length) return false;
      return (await transact(table, items)) === -1;
    },
    async days(ruleId, from, to) {
      const items = await queryAll(table, keys.effectDays(ruleId, from, to));
      return items.map((i) => {
        const { ruleId: _r, kind, revision, date, ...counters } = withoutKeys<Record<string, unknown>>(i);
        return {
          ruleId,
          kind: kind === "follow-up" ? "follow-up" : "surprise",
          revision: String(revision),
          date: String(date),
          counters: counters as EffectCounters,
        };
      }) satisfies EffectDay[];
    },
  };
}

/** The person's first-exposure mark (only if absent), the exposure, and its day's counters. */
function exposeItems(table: Table, exposure: ExposureRecord, counters: EffectCounters): TxItem[] {
  return [
    {
      Put: {
        TableName: table.name,
        Item: {
          ...keys.exposedMark(exposure.contactId, exposure.ruleId, exposure.revision),
          entity: "ExposedMark",
          answerId: exposure.answerId,
          ttl: ttlOf(exposure.at, MARK_KEEP_DAYS),
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    },
    { Put: { TableName: table.name, Item: exposureItem(exposure) } },
    counterUpdate(table, exposure, counters),
  ];
}

/** The exposure replaced while still at the version before `after`, and the counters' change on its day. */
function creditItems(table: Table, after: ExposureRecord, counters: EffectCounters): TxItem[] {
  const items: TxItem[] = [
    {
      Put: {
        TableName: table.name,
        Item: exposureItem(after),
        ConditionExpression: "#v = :seen",
        ExpressionAttributeNames: { "#v": "version" },
        ExpressionAttributeValues: { ":seen": after.version - 1 },
      },
    },
  ];
  if (Object.keys(counters).length) items.push(counterUpdate(table, after, counters));
  return items;
}

/** The key of the item a transaction's write (a put or an update) writes. */
function keyOf(item: TxItem): string {
  const key = item.Put ? item.Put.Item : item.Update?.Key;
  return `${key?.pk}|${key?.sk}`;
}

function exposureItem(e: ExposureRecord) {
  return {
    ...keys.exposure(e.contactId, e.at, e.ruleId),
    entity: "Exposure",
    ...e,
    ttl: ttlOf(e.at, EXPOSURE_KEEP_DAYS),
  };
}

/** Adds the counters to the exposure's day item (made on first use, named by rule, revision and date). */
function counterUpdate(table: Table, e: ExposureRecord, counters: EffectCounters): TxItem {
  const names: Record<string, string> = {
    "#date": "date",
    "#kind": "kind",
    "#revision": "revision",
    "#rule": "ruleId",
  };
  const values: Record<string, unknown> = {
    ":entity": "EffectDay",
    ":rule": e.ruleId,
    ":kind": e.kind,
    ":revision": e.revision,
    ":date": e.date,
  };
  const adds = Object.entries(counters).map(([name, n], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: table.name,
      Key: keys.effectDay(e.ruleId, e.date, e.revision, e.contactId),
      UpdateExpression: `SET entity = :entity, #rule = :rule, #kind = :kind, #revision = :revision, #date = :date${
        adds.length ? ` ADD ${adds.join(", ")}` : ""
      }`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

function ttlOf(at: string, days: number): number {
  return Math.floor(Date.parse(at) / 1000) + days * 86_400;
}
