/** Gifts (won surprises and spontaneous gifts), their hand-over and the store's gift stock. */

import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Invalid } from "../../domain/errors.ts";
import type { GiftRecord, GiftRepository } from "../../domain/ports/gift-repository.ts";
import type { Table } from "./client.ts";
import { dayCounterUpdate } from "./day-counters.ts";
import { keys } from "./keys.ts";
import { queryAll, queryPage } from "./query-all.ts";
import { type TxItem, transact } from "./transact.ts";

export function makeGiftRepository(table: Table): GiftRepository {
  const dayAdd = (storeId: string, date: string, attr: "gh" | "gs"): TxItem =>
    dayCounterUpdate(table, storeId, date, { [attr]: 1 });

  /** Moves a gift out of `pending` (the condition that makes a hand-over or expiry happen once) and off the pending index. */
  const leavePending = (
    gift: GiftRecord,
    status: "handed" | "expired",
    set = "",
    values: Record<string, unknown> = {},
  ): TxItem => ({
    Update: {
      TableName: table.name,
      Key: keys.gift(gift.storeId, gift.wonAtDate!, gift.code),
      UpdateExpression: `SET #status = :next${set ? `, ${set}` : ""} REMOVE gsi2pk, gsi2sk`,
      ConditionExpression: "#status = :pending",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":next": status, ":pending": "pending", ...values },
    },
  });

  /** Takes one of the gift's stock item off the named counters, under `condition`; nothing for a gift without one. */
  const takeStock = (gift: GiftRecord, counters: Array<"quantity" | "reserved">, condition: string): TxItem[] =>
    gift.stockItem
      ? [
          {
            Update: {
              TableName: table.name,
              Key: keys.stock(gift.storeId, gift.stockItem),
              UpdateExpression: `ADD ${counters.map((c) => `${c} :minus`).join(", ")}`,
              ConditionExpression: condition,
              ExpressionAttributeValues: { ":minus": -1, ...(condition.includes(":one") ? { ":one": 1 } : {}) },
            },
          },
        ]
      : [];

  return {
    async page(storeId, from, to, { status, cursor, limit }) {
      const span = keys.storeGifts(storeId, from, to);
      const start = cursor ? keys.giftCursor(storeId, Buffer.from(cursor, "base64url").toString()) : undefined;
      if (cursor && (!start || start.sk < span.from || start.sk > span.to))
        throw new Invalid("The cursor is not valid");
      const out = await queryPage(table, span, {
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
        ...(status
          ? {
              FilterExpression: "#status = :status",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ":status": status },
            }
          : {}),
      });
      const last = out.LastEvaluatedKey?.sk;
      const items = (out.Items ?? []) as GiftRecord[];
      return typeof last === "string" ? { items, cursor: Buffer.from(last).toString("base64url") } : { items };
    },
    async expiredPending(storeId, nowUtc, limit) {
      const out = await queryPage(table, keys.expiredPendingGifts(storeId, nowUtc), { Limit: limit });
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
        by.handedByStaff
          ? leavePending(gift, "handed", "handedAt = :at, handedBy = :by, handedByStaff = :staff", {
              ":at": by.handedAt,
              ":by": by.handedBy,
              ":staff": by.handedByStaff,
            })
          : leavePending(gift, "handed", "handedAt = :at, handedBy = :by", { ":at": by.handedAt, ":by": by.handedBy }),
        dayAdd(gift.storeId, by.date, "gh"),
        ...takeStock(gift, ["quantity", "reserved"], "quantity >= :one AND reserved >= :one"),
      ];
      return (await transact(table, items)) === -1;
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
        // Items reserved for pending surprises stay on the shelf for their winners.
        ...takeStock(gift, ["quantity"], "quantity > reserved"),
      ];
      const failed = await transact(table, items);
      return failed === -1 ? "ok" : failed === 0 ? "code_taken" : "out_of_stock";
    },
    async expire(gift) {
      const items = [leavePending(gift, "expired"), ...takeStock(gift, ["reserved"], "reserved >= :one")];
      return (await transact(table, items)) === -1;
    },
    async stock(storeId) {
      const items = await queryAll(table, keys.storeStock(storeId), { ConsistentRead: true });
      return items.map((i) => ({
        item: String(i.item),
        name: String(i.name),
        quantity: Number(i.quantity ?? 0),
        reserved: Number(i.reserved ?? 0),
        lowAt: Number(i.lowAt ?? 0),
        ...(i.unitCost !== undefined ? { unitCost: Number(i.unitCost) } : {}),
      }));
    },
    async putStock(storeId, item) {
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.stock(storeId, item.item),
          UpdateExpression:
            "SET entity = :e, #item = :item, #name = :name, quantity = :q, lowAt = :low, reserved = if_not_exists(reserved, :zero)" +
            (item.unitCost !== undefined ? ", unitCost = :cost" : ""),
          ExpressionAttributeNames: { "#item": "item", "#name": "name" },
          ExpressionAttributeValues: {
            ":e": "Stock",
            ":item": item.item,
            ":name": item.name,
            ":q": item.quantity,
            ":low": item.lowAt,
            ":zero": 0,
            ...(item.unitCost !== undefined ? { ":cost": item.unitCost } : {}),
          },
        }),
      );
    },
  };
}
