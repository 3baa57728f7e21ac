/** Integration keys in the table: one item per key, listed through gsi1 `INTKEYS`. */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { IntegrationKeyRecord, IntegrationKeyRepository } from "../../domain/ports/integration-key-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { putIfAbsent, updateIf } from "./transact.ts";

export function makeIntegrationKeyRepository(table: Table): IntegrationKeyRepository {
  return {
    create(key) {
      return putIfAbsent(table, {
        ...keys.integrationKey(key.keyId),
        ...keys.integrationKeyIndex(key.createdAt, key.keyId),
        entity: "IntegrationKey",
        ...key,
      });
    },
    async get(keyId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.integrationKey(keyId), ConsistentRead: true }),
      );
      return out.Item ? withoutKeys<IntegrationKeyRecord>(out.Item) : undefined;
    },
    async list() {
      const items = await queryAll(table, keys.allIntegrationKeys(), { ScanIndexForward: false });
      return items.map((item) => withoutKeys<IntegrationKeyRecord>(item));
    },
    async revoke(keyId, at) {
      try {
        const out = await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.integrationKey(keyId),
            UpdateExpression: "SET revokedAt = if_not_exists(revokedAt, :at)",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":at": at },
            ReturnValues: "ALL_NEW",
          }),
        );
        return out.Attributes ? withoutKeys<IntegrationKeyRecord>(out.Attributes) : undefined;
      } catch (error) {
        if ((error as Error).name === "ConditionalCheckFailedException") return undefined;
        throw error;
      }
    },
    async touch(keyId, at) {
      // Only forwards: of two requests at once, the later time stays.
      await updateIf(table, {
        Key: keys.integrationKey(keyId),
        UpdateExpression: "SET lastUsedAt = :at",
        ConditionExpression: "attribute_exists(pk) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :at)",
        ExpressionAttributeValues: { ":at": at },
      });
    },
  };
}
