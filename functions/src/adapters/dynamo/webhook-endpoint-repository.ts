/** Webhook endpoints in the table: one item each, listed through gsi1 `WHEPS`, saved under their version. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type {
  WebhookEndpointRecord,
  WebhookEndpointRepository,
} from "../../domain/ports/webhook-endpoint-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { putIf } from "./transact.ts";

const item = (e: WebhookEndpointRecord) => ({
  ...keys.webhookEndpoint(e.endpointId),
  ...keys.webhookEndpointIndex(e.createdAt, e.endpointId),
  entity: "WebhookEndpoint",
  ...e,
});

export function makeWebhookEndpointRepository(table: Table): WebhookEndpointRepository {
  return {
    async create(endpoint) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: item(endpoint),
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    },
    async get(endpointId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.webhookEndpoint(endpointId), ConsistentRead: true }),
      );
      return out.Item ? withoutKeys<WebhookEndpointRecord>(out.Item) : undefined;
    },
    async list() {
      const items = await queryAll(table, keys.allWebhookEndpoints(), { ScanIndexForward: false });
      return items.map((i) => withoutKeys<WebhookEndpointRecord>(i));
    },
    save(endpoint, expectedVersion) {
      return putIf(table, {
        Item: item(endpoint),
        ConditionExpression: "version = :seen",
        ExpressionAttributeValues: { ":seen": expectedVersion },
      });
    },
  };
}
