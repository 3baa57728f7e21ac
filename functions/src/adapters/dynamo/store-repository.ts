/** Stores: profile (settings, archive date, staff PIN hash), the list of all stores, and consent versions. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { ConsentVersion } from "@sonrisa/shared/schemas/store";
import { StoreSettingsShape } from "@sonrisa/shared/schemas/store";
import type { StoreRecord, StoreRepository } from "../../domain/ports/store-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll, queryPage } from "./query-all.ts";
import { type TxItem, transactOnce, updateIf } from "./transact.ts";

/** Every settings attribute: a replacement sets those given and removes the optional ones left out. */
const SETTINGS_FIELDS = Object.keys(StoreSettingsShape.shape);

export function makeStoreRepository(table: Table): StoreRepository {
  const consentPut = (consent: ConsentVersion): TxItem => ({
    Put: {
      TableName: table.name,
      Item: { ...keys.consentVersion(consent.storeId, consent.version), entity: "ConsentVersion", ...consent },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  });
  const get = async (storeId: string, consistent = false) => {
    const out = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: keys.store(storeId), ConsistentRead: consistent }),
    );
    return out.Item ? toRecord(out.Item) : undefined;
  };
  return {
    get: (storeId) => get(storeId),
    async put(store) {
      await table.doc.send(new PutCommand({ TableName: table.name, Item: storeItem(store) }));
    },
    async list() {
      return (await queryAll(table, keys.allStores())).map(toRecord);
    },
    async create(store, consent) {
      const outcome = await transactOnce(table, [
        { Put: { TableName: table.name, Item: storeItem(store), ConditionExpression: "attribute_not_exists(pk)" } },
        consentPut(consent),
      ]);
      if (outcome.committed) return true;
      if (outcome.failed.includes(0)) return false;
      throw new Error("Creating the store met a concurrent write; try again");
    },
    async replaceSettings(storeId, settings, newConsents) {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const sets: string[] = [];
      const removes: string[] = [];
      SETTINGS_FIELDS.forEach((field, i) => {
        names[`#f${i}`] = field;
        const value = (settings as Record<string, unknown>)[field];
        if (value === undefined) removes.push(`#f${i}`);
        else {
          values[`:f${i}`] = value;
          sets.push(`#f${i} = :f${i}`);
        }
      });
      const update: TxItem = {
        Update: {
          TableName: table.name,
          Key: keys.store(storeId),
          UpdateExpression: `SET ${sets.join(", ")}${removes.length ? ` REMOVE ${removes.join(", ")}` : ""}`,
          ConditionExpression: "attribute_exists(pk)",
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      };
      const outcome = await transactOnce(table, [update, ...newConsents.map(consentPut)]);
      if (outcome.committed) return "replaced";
      if (outcome.failed.includes(0)) return "missing";
      if (outcome.failed.length > 0) return "consent-taken";
      throw new Error("Replacing the store's settings met a concurrent write; try again");
    },
    async archive(storeId, at) {
      await updateIf(table, {
        Key: keys.store(storeId),
        UpdateExpression: "SET archivedAt = :at",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(archivedAt)",
        ExpressionAttributeValues: { ":at": at },
      });
      return get(storeId, true);
    },
    async consentVersions(storeId) {
      return (await queryAll(table, keys.storeConsents(storeId), { ConsistentRead: true })).map(toConsent);
    },
    async consentVersion(storeId, version) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.consentVersion(storeId, version), ConsistentRead: true }),
      );
      return out.Item ? toConsent(out.Item) : undefined;
    },
    async page(after, limit) {
      const out = await queryPage(table, keys.allStores(), {
        Limit: limit,
        ...(after ? { ExclusiveStartKey: keys.storeCursor(after) } : {}),
      });
      const items = (out.Items ?? []).map(toRecord);
      return out.LastEvaluatedKey && items.length ? { items, cursor: items.at(-1)!.storeId } : { items };
    },
  };
}

function storeItem(store: StoreRecord): Record<string, unknown> {
  return { ...keys.store(store.storeId), ...keys.storeIndex(store.storeId), entity: "Store", ...store };
}

function toRecord(item: Record<string, unknown>): StoreRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as StoreRecord;
}

function toConsent(item: Record<string, unknown>): ConsentVersion {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as ConsentVersion;
}
