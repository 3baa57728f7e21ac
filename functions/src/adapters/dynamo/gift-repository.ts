/** Gifts (won surprises and spontaneous gifts), their hand-over and the store's gift stock. */

import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Gift, StockItem } from "@sonrisa/shared/schemas/surprises";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

type TxItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
/** The stored gift: its sort key is `<wonAtDate>#<code>`. */
export type GiftRecord = Omit<Gift, "date"> & { date?: string; stockItem?: string; wonAtDate?: string };

export interface HandOver {
  handedAt: string;
  handedBy: string;
  /** the local day the hand-over counts on */
  date: string;
}

export interface GiftRepository {
  /** Gifts of the store's local days `from`..`to`, newest day first. */
  list(storeId: string, from: string, to: string): Promise<GiftRecord[]>;
  get(storeId: string, date: string, code: string): Promise<GiftRecord | undefined>;
  /** Marks a pending gift handed and takes its item out of stock, atomically; false when it was not pending. */
  handOver(gift: GiftRecord, by: HandOver): Promise<boolean>;
  /** Records a spontaneous gift; false when the code is taken or the stock is out. */
  addSpontaneous(gift: GiftRecord): Promise<"ok" | "code_taken" | "out_of_stock">;
  /** Marks a pending gift expired and releases its reserved stock. */
  expire(gift: GiftRecord): Promise<boolean>;
  stock(storeId: string): Promise<StockItem[]>;
  putStock(storeId: string, item: Omit<StockItem, "reserved">): Promise<void>;
}

export function makeGiftRepository(table: Table): GiftRepository {
  const dayAdd = (storeId: string, date: string, attr: string): TxItem => ({
    Update: {
      TableName: table.name,
      Key: keys.storeDay(storeId, date),
      UpdateExpression: `SET entity = :e, storeId = :s, #date = :d, gsi1pk = :g1, gsi1sk = :g2 ADD ${attr} :one`,
      ExpressionAttributeNames: { "#date": "date" },
      ExpressionAttributeValues: {
        ":e": "StoreDay",
        ":s": storeId,
        ":d": date,
        ":g1": keys.storeDayIndex(storeId, date).gsi1pk,
        ":g2": keys.storeDayIndex(storeId, date).gsi1sk,
        ":one": 1,
      },
    },
  });
  /**
   * Runs a transaction, retrying while only concurrent writers got in the way (a busy store's day item);
   * returns the index of the first item whose condition failed, or -1 when it committed.
   */
  async function transact(items: TxItem[]): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      try {
        await table.doc.send(new TransactWriteCommand({ TransactItems: items }));
        return -1;
      } catch (err) {
        if ((err as Error).name !== "TransactionCanceledException") throw err;
        const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
        if (failed >= 0) return failed;
        if (attempt >= 8) throw err;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * (0.5 + Math.random())));
      }
    }
  }

  return {
    async list(storeId, from, to) {
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: "pk = :pk AND sk BETWEEN :from AND :to",
          ExpressionAttributeValues: { ":pk": keys.gift(storeId, from, "").pk, ":from": `${from}#`, ":to": `${to}#~` },
          ScanIndexForward: false,
        }),
      );
      return (out.Items ?? []) as GiftRecord[];
    },
    async get(storeId, date, code) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.gift(storeId, date, code), ConsistentRead: true }),
      );
      return out.Item as GiftRecord | undefined;
    },
    async handOver(gift, by) {
      const items: TxItem[] = [
        {
          Update: {
            TableName: table.name,
            Key: keys.gift(gift.storeId, gift.wonAtDate ?? by.date, gift.code),
            UpdateExpression: "SET #status = :handed, handedAt = :at, handedBy = :by",
            ConditionExpression: "#status = :pending",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":handed": "handed",
              ":pending": "pending",
              ":at": by.handedAt,
              ":by": by.handedBy,
            },
          },
        },
        dayAdd(gift.storeId, by.date, "gh"),
      ];
      if (gift.stockItem) {
        items.push({
          Update: {
            TableName: table.name,
            Key: keys.stock(gift.storeId, gift.stockItem),
            UpdateExpression: "ADD quantity :minus, reserved :minus",
            ConditionExpression: "quantity >= :one AND reserved >= :one",
            ExpressionAttributeValues: { ":minus": -1, ":one": 1 },
          },
        });
      }
      return (await transact(items)) === -1;
    },
    async addSpontaneous(gift) {
      const date = gift.wonAtDate!;
      const items: TxItem[] = [
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.gift(gift.storeId, date, gift.code), entity: "Gift", ...gift },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        dayAdd(gift.storeId, date, "gs"),
      ];
      if (gift.stockItem) {
        items.push({
          Update: {
            TableName: table.name,
            Key: keys.stock(gift.storeId, gift.stockItem),
            UpdateExpression: "ADD quantity :minus",
            // Items reserved for pending surprises stay on the shelf for their winners.
            ConditionExpression: "quantity > reserved",
            ExpressionAttributeValues: { ":minus": -1 },
          },
        });
      }
      const failed = await transact(items);
      return failed === -1 ? "ok" : failed === 0 ? "code_taken" : "out_of_stock";
    },
    async expire(gift) {
      const items: TxItem[] = [
        {
          Update: {
            TableName: table.name,
            Key: keys.gift(gift.storeId, gift.wonAtDate!, gift.code),
            UpdateExpression: "SET #status = :expired",
            ConditionExpression: "#status = :pending",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":expired": "expired", ":pending": "pending" },
          },
        },
      ];
      if (gift.stockItem) {
        items.push({
          Update: {
            TableName: table.name,
            Key: keys.stock(gift.storeId, gift.stockItem),
            UpdateExpression: "ADD reserved :minus",
            ConditionExpression: "reserved >= :one",
            ExpressionAttributeValues: { ":minus": -1, ":one": 1 },
          },
        });
      }
      return (await transact(items)) === -1;
    },
    async stock(storeId) {
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
          ExpressionAttributeValues: { ":pk": keys.store(storeId).pk, ":prefix": "STOCK#" },
          ConsistentRead: true,
        }),
      );
      return (out.Items ?? []).map((i) => ({
        item: i.item,
        name: i.name,
        quantity: i.quantity ?? 0,
        reserved: i.reserved ?? 0,
        lowAt: i.lowAt ?? 0,
      }));
    },
    async putStock(storeId, item) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.stock(storeId, item.item),
          UpdateExpression:
            "SET entity = :e, #item = :item, #name = :name, quantity = :q, lowAt = :low, reserved = if_not_exists(reserved, :zero)",
          ExpressionAttributeNames: { "#item": "item", "#name": "name" },
          ExpressionAttributeValues: {
            ":e": "Stock",
            ":item": item.item,
            ":name": item.name,
            ":q": item.quantity,
            ":low": item.lowAt,
            ":zero": 0,
          },
        }),
      );
    },
  };
}
