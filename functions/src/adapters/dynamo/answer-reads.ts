/** What the answer writer reads before a transaction: answers stored already, and the state of the rules it claims on. */
import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import type { Localized } from "@sonrisa/shared/schemas/common";
import type { PlannedAnswer } from "../../domain/ports/answer-writer.ts";
import type { StoreRecord } from "../../domain/ports/store-repository.ts";
import type { RuleState, StockState } from "../../domain/win-assignment.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export interface StoredAnswer {
  id: string;
  storeId: string;
  surprise?: { outcome?: string; code?: string; gift?: Localized };
}

/** The answers among these ids that are stored already (eventually consistent is enough: the transaction decides). */
export async function storedAnswers(table: Table, ids: string[]): Promise<Map<string, StoredAnswer>> {
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

/**
 * Budget used today, every-Nth counts and stock of the rules the present treatment answers may win under, in
 * one consistent batch read (a shopper may be waiting at the thank-you screen for its result).
 */
export async function readRuleState(
  table: Table,
  store: StoreRecord,
  answers: PlannedAnswer[],
  today: string,
): Promise<RuleState[]> {
  const rules = [
    ...new Map(
      answers.flatMap((a) =>
        a.surprise?.group === "treatment" && a.surprise.present ? [[a.surprise.rule.id, a.surprise.rule]] : [],
      ),
    ).values(),
  ];
  if (rules.length === 0) return [];
  // Rules may share a stock item: read each item once and share the same state object.
  const stockItems = [...new Set(rules.flatMap((r) => (r.gift.stockItem ? [r.gift.stockItem] : [])))];
  const wanted = [
    ...stockItems.map((item) => keys.stock(store.storeId, item)),
    ...rules.map((rule) => keys.budget(store.storeId, rule.id, today)),
    ...rules.flatMap((rule) => (rule.everyNth ? [keys.nthCounter(store.storeId, rule.id)] : [])),
  ];
  const found = await consistentBatch(table, wanted);
  const item = (key: { pk: string; sk: string }) => found.get(`${key.pk}\u0000${key.sk}`);
  const stocks = new Map<string, StockState>();
  for (const stockItem of stockItems) {
    const row = item(keys.stock(store.storeId, stockItem));
    if (row)
      stocks.set(stockItem, {
        item: stockItem,
        quantity: Number(row.quantity ?? 0),
        reserved: Number(row.reserved ?? 0),
      });
  }
  return rules.map((rule) => {
    const budget = item(keys.budget(store.storeId, rule.id, today));
    const nth = rule.everyNth ? item(keys.nthCounter(store.storeId, rule.id)) : undefined;
    return {
      rule,
      used: Number(budget?.used ?? 0),
      nthCount: nth ? Number(nth.count ?? 0) : rule.everyNth ? 0 : undefined,
      stock: rule.gift.stockItem ? stocks.get(rule.gift.stockItem) : undefined,
    };
  });
}

/** The items of these keys (at most 100) that exist, read consistently, by `pk\0sk`. */
async function consistentBatch(
  table: Table,
  wanted: { pk: string; sk: string }[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
    [table.name]: { Keys: wanted, ConsistentRead: true },
  };
  while (request && Object.keys(request).length > 0) {
    const out = await table.doc.send(new BatchGetCommand({ RequestItems: request }));
    for (const row of out.Responses?.[table.name] ?? []) found.set(`${row.pk}\u0000${row.sk}`, row);
    request = out.UnprocessedKeys as typeof request;
  }
  return found;
}
