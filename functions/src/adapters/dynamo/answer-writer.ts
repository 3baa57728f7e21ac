/**
 * Writes answers exactly once. One transaction per chunk puts each answer under a key derived
 * from its id (condition: not there yet), adds the chunk's merged counters to each local-day
 * aggregate, and claims surprise budget, every-Nth counters, stock and gift codes with
 * conditions on the values it read. A cancelled transaction writes nothing: answers that
 * already exist become `duplicate`, anything else (a concurrent writer) is re-read and retried.
 */

import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { BatchGetCommand, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { endOfLocalDay } from "@sonrisa/shared/time";
import { addCounters, type Counters } from "../../domain/aggregates.ts";
import type { AnswerWriter, PlannedAnswer, WriteOutcome } from "../../domain/ingestion.ts";
import type { SurpriseDecision } from "../../domain/surprises.ts";
import { assignWins, type RuleState, type StockState } from "../../domain/win-assignment.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import type { StoreRecord } from "./store-repository.ts";

type TxItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

export interface WriterOptions {
  chunkSize?: number;
  maxAttempts?: number;
  /** Called with the write units each committed transaction consumed. */
  onConsumed?: (units: number, answers: number) => void;
}

export function makeAnswerWriter(table: Table, options: WriterOptions = {}): AnswerWriter {
  const chunkSize = options.chunkSize ?? 25;
  const maxAttempts = options.maxAttempts ?? 25;

  async function readState(store: StoreRecord, answers: PlannedAnswer[], today: string): Promise<RuleState[]> {
    const rules = new Map(
      answers.flatMap((a) => (a.surprise?.group === "treatment" ? [[a.surprise.rule.id, a.surprise.rule]] : [])),
    );
    // Rules may share a stock item: read each item once and share the same state object.
    const stockItems = new Set([...rules.values()].flatMap((r) => (r.gift.stockItem ? [r.gift.stockItem] : [])));
    const stocks = new Map<string, StockState>();
    await Promise.all(
      [...stockItems].map(async (item) => {
        const found = await get(table, keys.stock(store.storeId, item));
        if (found)
          stocks.set(item, { item, quantity: Number(found.quantity ?? 0), reserved: Number(found.reserved ?? 0) });
      }),
    );
    return Promise.all(
      [...rules.values()].map(async (rule) => {
        const [budget, nth] = await Promise.all([
          get(table, keys.budget(store.storeId, rule.id, today)),
          rule.everyNth ? get(table, keys.nthCounter(store.storeId, rule.id)) : undefined,
        ]);
        return {
          rule,
          used: Number(budget?.used ?? 0),
          nthCount: nth ? Number(nth.count ?? 0) : rule.everyNth ? 0 : undefined,
          stock: rule.gift.stockItem ? stocks.get(rule.gift.stockItem) : undefined,
        };
      }),
    );
  }

  async function writeChunk(store: StoreRecord, chunk: PlannedAnswer[], today: string, out: Map<string, WriteOutcome>) {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= maxAttempts)
        throw new Error(`Could not store ${pending.length} answers after ${attempt} attempts`);
      const state = await readState(store, pending, today);
      const wins = assignWins(pending, state, today, attempt);
      const items = buildTransaction(table, store, pending, wins, state, today);
      try {
        const res = await table.doc.send(
          new TransactWriteCommand({ TransactItems: items, ReturnConsumedCapacity: "TOTAL" }),
        );
        const units = (res.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
        options.onConsumed?.(units, pending.length);
        for (const answer of pending) {
          const win = wins.decisions.get(answer.item.id);
          const surprise =
            win?.outcome === "won" && win.code ? { code: win.code, gift: answer.surprise!.rule.gift.name } : undefined;
          out.set(answer.item.id, surprise ? { status: "stored", surprise } : { status: "stored" });
        }
        return;
      } catch (err) {
        if ((err as Error).name !== "TransactionCanceledException") throw err;
        const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
        const existing = new Set(
          pending.filter((_, i) => reasons[i]?.Code === "ConditionalCheckFailed").map((a) => a.item.id),
        );
        if (existing.size === 0) {
          // A concurrent writer holds an item we touch; it may be storing these very answers.
          await backoff(attempt);
          const stored = await storedAnswers(
            table,
            pending.map((a) => a.item.id),
          );
          for (const id of stored.keys()) existing.add(id);
        }
        for (const id of existing) out.set(id, { status: "duplicate" });
        pending = pending.filter((a) => !existing.has(a.item.id));
      }
    }
  }

  return {
    async write(store, answers, today) {
      const out = new Map<string, WriteOutcome>();
      // A cheap read first: retried deliveries are the common duplicate, and they need no transaction.
      const known = await storedAnswers(
        table,
        answers.map((a) => a.item.id),
      );
      const fresh = answers.filter((a) => !known.has(a.item.id));
      for (let i = 0; i < fresh.length; i += chunkSize) {
        await writeChunk(store, fresh.slice(i, i + chunkSize), today, out);
      }
      // Duplicates found by a cancelled transaction (a concurrent first delivery) are looked up too.
      const racedIds = fresh.filter((a) => out.get(a.item.id)?.status === "duplicate").map((a) => a.item.id);
      for (const [id, stored] of racedIds.length ? await storedAnswers(table, racedIds) : []) known.set(id, stored);
      // A retried winner gets its surprise again, so a lost reply never loses the gift.
      for (const [id, stored] of known) out.set(id, duplicateOf(stored, store.storeId));
      return out;
    },
  };
}

/** Answers first (their index in the transaction is their index in `pending`), then aggregates and claims. */
function buildTransaction(
  table: Table,
  store: StoreRecord,
  pending: PlannedAnswer[],
  wins: ReturnType<typeof assignWins>,
  state: RuleState[],
  today: string,
): TxItem[] {
  const items: TxItem[] = pending.map((a) => ({
    Put: {
      TableName: table.name,
      Item: responseItem(a, withGift(a, wins.decisions.get(a.item.id))),
      ConditionExpression: "attribute_not_exists(pk)",
    },
  }));
  const days = new Map<string, Counters>();
  for (const a of pending) {
    const counters = addCounters(days.get(a.localDate) ?? {}, a.counters);
    if (wins.decisions.get(a.item.id)?.outcome === "won") addCounters(counters, { gw: 1 });
    days.set(a.localDate, counters);
  }
  for (const [date, counters] of days) items.push({ Update: dayUpdate(table, store.storeId, date, counters) });
  for (const s of state) items.push(...claims(table, store.storeId, s, wins, today));
  for (const stock of new Set(state.flatMap((s) => (s.stock ? [s.stock] : [])))) {
    const won = wins.wonByStock.get(stock.item) ?? 0;
    if (won > 0) items.push({ Update: stockClaim(table, store.storeId, stock, won) });
  }
  const expiresAt = endOfLocalDay(today, store.timeZone).toISOString();
  for (const a of pending) {
    const win = wins.decisions.get(a.item.id);
    if (win?.outcome !== "won" || !win.code) continue;
    const rule = a.surprise!.rule;
    items.push({
      Put: {
        TableName: table.name,
        Item: {
          ...keys.gift(store.storeId, today, win.code),
          entity: "Gift",
          code: win.code,
          storeId: store.storeId,
          ruleId: rule.id,
          gift: rule.gift.name,
          stockItem: rule.gift.stockItem,
          status: "pending",
          kind: "surprise",
          wonAt: a.receivedAt,
          wonAtDate: today,
          expiresAt,
          responseId: a.item.id,
          ttl: Math.floor(Date.parse(expiresAt) / 1000) + 400 * 86400,
        },
        ConditionExpression: "attribute_not_exists(pk)",
      },
    });
  }
  return items;
}

function withGift(a: PlannedAnswer, win: SurpriseDecision | undefined) {
  return win?.outcome === "won" ? { ...win, gift: a.surprise!.rule.gift.name } : win;
}

function responseItem(
  a: PlannedAnswer,
  win: { ruleId: string; group: string; outcome?: string; code?: string } | undefined,
) {
  const { item } = a;
  return {
    ...keys.response(item.id),
    ...keys.responseByStore(a.storeId, a.localDate.slice(0, 7), a.atUtc, item.id),
    ...(item.comment?.trim() ? keys.commentByStore(a.storeId, a.atUtc, item.id) : {}),
    entity: "Response",
    ...item,
    storeId: a.storeId,
    deviceId: a.deviceId,
    atUtc: a.atUtc,
    receivedAt: a.receivedAt,
    localDate: a.localDate,
    localHour: a.localHour,
    misuse: a.misuse || undefined,
    surprise: win,
  };
}

function dayUpdate(table: Table, storeId: string, date: string, counters: Counters) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {
    ":entity": "StoreDay",
    ":store": storeId,
    ":date": date,
    ...Object.fromEntries(Object.entries(keys.storeDayIndex(storeId, date)).map(([k, v]) => [`:${k}`, v])),
  };
  const adds = Object.entries(counters).map(([attr, n], i) => {
    names[`#a${i}`] = attr;
    values[`:a${i}`] = n;
    return `#a${i} :a${i}`;
  });
  return {
    TableName: table.name,
    Key: keys.storeDay(storeId, date),
    UpdateExpression: `SET entity = :entity, storeId = :store, #date = :date, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk ADD ${adds.join(", ")}`,
    ExpressionAttributeNames: { ...names, "#date": "date" },
    ExpressionAttributeValues: values,
  };
}

/** Conditional claims on the values read, so two writers can never both spend the same budget or stock. */
function claims(
  table: Table,
  storeId: string,
  s: RuleState,
  wins: ReturnType<typeof assignWins>,
  today: string,
): TxItem[] {
  const won = wins.wonByRule.get(s.rule.id) ?? 0;
  const out: TxItem[] = [];
  const nthSeen = wins.nthSeenByRule.get(s.rule.id) ?? 0;
  if (s.nthCount !== undefined && nthSeen > 0) {
    out.push({
      Update: {
        TableName: table.name,
        Key: keys.nthCounter(storeId, s.rule.id),
        UpdateExpression: "SET #count = :next, entity = :entity",
        ConditionExpression: "attribute_not_exists(#count) OR #count = :seen",
        ExpressionAttributeNames: { "#count": "count" },
        ExpressionAttributeValues: { ":next": s.nthCount + nthSeen, ":seen": s.nthCount, ":entity": "NthCounter" },
      },
    });
  }
  if (won === 0) return out;
  out.push({
    Update: {
      TableName: table.name,
      Key: keys.budget(storeId, s.rule.id, today),
      UpdateExpression: "SET used = :next, entity = :entity, #ttl = :ttl",
      ConditionExpression: "attribute_not_exists(used) OR used = :seen",
      ExpressionAttributeNames: { "#ttl": "ttl" },
      ExpressionAttributeValues: {
        ":next": s.used + won,
        ":seen": s.used,
        ":entity": "Budget",
        ":ttl": Math.floor(Date.now() / 1000) + 90 * 86400,
      },
    },
  });
  return out;
}

/** Reserves `won` items for the winners, on the values read. */
function stockClaim(table: Table, storeId: string, stock: StockState, won: number) {
  return {
    TableName: table.name,
    Key: keys.stock(storeId, stock.item),
    UpdateExpression: "SET reserved = :next",
    ConditionExpression: "reserved = :seen AND quantity = :qty",
    ExpressionAttributeValues: { ":next": stock.reserved + won, ":seen": stock.reserved, ":qty": stock.quantity },
  };
}

interface StoredAnswer {
  id: string;
  storeId: string;
  surprise?: { outcome?: string; code?: string; gift?: { es: string; en: string } };
}

function duplicateOf(stored: StoredAnswer, storeId: string): WriteOutcome {
  const s = stored.surprise;
  return s?.outcome === "won" && s.code && s.gift && stored.storeId === storeId
    ? { status: "duplicate", surprise: { code: s.code, gift: s.gift } }
    : { status: "duplicate" };
}

/** The answers among these ids that are stored already (eventually consistent is enough: the transaction decides). */
async function storedAnswers(table: Table, ids: string[]): Promise<Map<string, StoredAnswer>> {
  const found = new Map<string, StoredAnswer>();
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string }> | undefined = {
      [table.name]: {
        Keys: ids.slice(i, i + 100).map((id) => keys.response(id)),
        ProjectionExpression: "id, storeId, surprise",
      },
    };
    while (request && Object.keys(request).length > 0) {
      const out = await table.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of out.Responses?.[table.name] ?? []) found.set(item.id as string, item as StoredAnswer);
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

async function get(table: Table, key: { pk: string; sk: string }) {
  const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
  return out.Item;
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000, 10 * 2 ** Math.min(attempt, 7)) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
