/**
 * Alerts and alert settings. A spike is written in one transaction with the store's spike state (conditioned on
 * the last alert's tap time being before this window) and its e-mail, so one window raises one alert.
 */
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { type Alert, AlertSettings, DEFAULT_ALERT_SETTINGS } from "@sonrisa/shared/schemas/alerts";
import type { AlertRepository } from "../../domain/ports/alert-repository.ts";
import type { MessageRecord } from "../../domain/ports/message-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { putMessage } from "./message-items.ts";
import { queryAll } from "./query-all.ts";
import { type TxItem, transact } from "./transact.ts";

export function makeAlertRepository(table: Table): AlertRepository {
  const alertPut = (alert: Alert): TxItem => ({
    Put: {
      TableName: table.name,
      Item: {
        ...keys.alert(alert.alertId),
        ...keys.alertIndexes(alert.storeId, alert.at, alert.alertId),
        entity: "Alert",
        ...alert,
      },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  });
  const emailPut = (email: MessageRecord | undefined): TxItem[] => (email ? [putMessage(table, email)] : []);

  return {
    async settings(storeId) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.alertSettings(storeId) }));
      const parsed = AlertSettings.safeParse(out.Item ? out.Item.settings : undefined);
      return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
    },
    async putSettings(storeId, settings, by, at) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.alertSettings(storeId), entity: "AlertSettings", settings, updatedBy: by, updatedAt: at },
        }),
      );
    },
    async raiseSpike(alert, windowStart, email) {
      const windowEnd = alert.window?.to ?? alert.at;
      const failed = await transact(table, [
        {
          Update: {
            TableName: table.name,
            Key: keys.spikeState(alert.storeId),
            UpdateExpression: "SET entity = :entity, lastTapAt = :end, lastAlertId = :id",
            // One alert per window: none raised for a tap inside this window (or after it).
            ConditionExpression: "attribute_not_exists(lastTapAt) OR lastTapAt < :start",
            ExpressionAttributeValues: {
              ":entity": "SpikeState",
              ":end": windowEnd,
              ":id": alert.alertId,
              ":start": windowStart,
            },
          },
        },
        alertPut(alert),
        ...emailPut(email),
      ]);
      return failed === -1;
    },
    async raiseOnce(alert, email) {
      return (await transact(table, [alertPut(alert), ...emailPut(email)])) === -1;
    },
    async list(storeId, months) {
      const reads = months.map((month) =>
        queryAll(table, storeId ? keys.storeAlerts(storeId, month) : keys.orgAlerts(month), {
          ScanIndexForward: false,
        }),
      );
      return (await Promise.all(reads))
        .flat()
        .map((i) => withoutKeys<Alert>(i))
        .sort((a, b) => b.at.localeCompare(a.at));
    },
    async get(alertId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.alert(alertId), ConsistentRead: true }),
      );
      return out.Item ? withoutKeys<Alert>(out.Item) : undefined;
    },
    async acknowledge(alertId, by, note, at) {
      try {
        const out = await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.alert(alertId),
            UpdateExpression: `SET #status = :ack, acknowledgedAt = :at, acknowledgedBy = :by${note ? ", note = :note" : ""}`,
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":ack": "acknowledged",
              ":at": at,
              ":by": by,
              ...(note ? { ":note": note } : {}),
            },
            ReturnValues: "ALL_NEW",
          }),
        );
        return out.Attributes ? withoutKeys<Alert>(out.Attributes) : undefined;
      } catch (error) {
        if ((error as Error).name === "ConditionalCheckFailedException") return undefined;
        throw error;
      }
    },
  };
}
