/** What the answer writer reads before a transaction: answers stored already, and the state of the rules it claims on. */
import { BatchGetCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
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

/** Budget used today, every-Nth counts and stock of the rules the present treatment answers may win under. */
export async function readRuleState(
  table: Table,
  store: StoreRecord,
  answers: PlannedAnswer[],
  today: string,
): Promise<RuleState[]> {
  const rules = new Map(
    answers.flatMap((a) =>
      a.surprise?.group === "treatment" && a.surprise.present ? [[a.surprise.rule.id, a.surprise.rule]] : [],
    ),
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

async function get(table: Table, key: { pk: string; sk: string }) {
  const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
  return out.Item;
}
