/**
 * Purchases: the item, keyed by store and external id, put only if absent in one transaction with the counters
 * it adds to its store-local day; a person's purchases through the sparse gsi2 `PURCHASES#<personId>`.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { PurchaseRecord, PurchaseRepository } from "../../domain/ports/purchase-repository.ts";
import { monthRevision } from "./answer-items.ts";
import type { Table } from "./client.ts";
import { dayCounterUpdate } from "./day-counters.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { transact } from "./transact.ts";

export function makePurchaseRepository(table: Table): PurchaseRepository {
  return {
    async get(storeId, externalId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.purchase(storeId, externalId), ConsistentRead: true }),
      );
      return out.Item ? withoutKeys<PurchaseRecord>(out.Item) : undefined;
    },
    async create(purchase, counters, endedMonth) {
      const failed = await transact(table, [
        {
          Put: {
            TableName: table.name,
            Item: {
              ...keys.purchase(purchase.storeId, purchase.externalId),
              ...(purchase.personId
                ? keys.personPurchaseIndex(purchase.personId, purchase.atUtc, purchase.purchaseId)
                : {}),
              entity: "Purchase",
              ...purchase,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        dayCounterUpdate(table, purchase.storeId, purchase.localDate, counters),
        ...(endedMonth ? [monthRevision(table, purchase.storeId, endedMonth)] : []),
      ]);
      if (failed === -1) return true;
      if (failed === 0) return false;
      throw new Error("The purchase's day counters refused the update");
    },
    async byPerson(personId, fromUtc, toUtc) {
      const items = await queryAll(table, keys.personPurchases(personId, fromUtc, toUtc));
      return items.map((item) => withoutKeys<PurchaseRecord>(item));
    },
  };
}
