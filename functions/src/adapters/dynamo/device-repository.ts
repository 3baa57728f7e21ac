/** Pairing codes (one use, 15 minutes) and paired devices. */
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export interface DeviceRecord {
  storeId: string;
  deviceId: string;
  pairedAt: string;
  lastSeenAt?: string;
  /** Kiosk time of the newest answer, for the server's burst check. */
  lastAnswerAt?: string;
}

export interface DeviceRepository {
  savePairingCode(code: string, storeId: string, expiresAt: Date): Promise<boolean>;
  /** Consumes the code and registers the device in one transaction; undefined when the code is unknown, used or expired. */
  pair(code: string, device: DeviceRecord, now: Date): Promise<DeviceRecord | undefined>;
  peekPairingCode(code: string): Promise<{ storeId: string; expiresAt: string } | undefined>;
  get(storeId: string, deviceId: string): Promise<DeviceRecord | undefined>;
  touch(storeId: string, deviceId: string, seenAt: string, lastAnswerAt?: string): Promise<void>;
}

export function makeDeviceRepository(table: Table): DeviceRepository {
  return {
    async savePairingCode(code, storeId, expiresAt) {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...keys.pairing(code),
              entity: "PairingCode",
              storeId,
              expiresAt: expiresAt.toISOString(),
              ttl: Math.floor(expiresAt.getTime() / 1000) + 3600,
            },
            ConditionExpression: "attribute_not_exists(pk)",
          }),
        );
        return true;
      } catch (err) {
        if ((err as Error).name === "ConditionalCheckFailedException") return false;
        throw err;
      }
    },
    async peekPairingCode(code) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.pairing(code) }));
      return out.Item ? { storeId: out.Item.storeId, expiresAt: out.Item.expiresAt } : undefined;
    },
    async pair(code, device, now) {
      try {
        await table.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Delete: {
                  TableName: table.name,
                  Key: keys.pairing(code),
                  ConditionExpression: "attribute_exists(pk) AND expiresAt > :now AND storeId = :store",
                  ExpressionAttributeValues: { ":now": now.toISOString(), ":store": device.storeId },
                },
              },
              {
                Put: {
                  TableName: table.name,
                  Item: { ...keys.device(device.storeId, device.deviceId), entity: "Device", ...device },
                  ConditionExpression: "attribute_not_exists(pk)",
                },
              },
            ],
          }),
        );
        return device;
      } catch (err) {
        if ((err as Error).name === "TransactionCanceledException") return undefined;
        throw err;
      }
    },
    async get(storeId, deviceId) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.device(storeId, deviceId) }));
      return out.Item as DeviceRecord | undefined;
    },
    async touch(storeId, deviceId, seenAt, lastAnswerAt) {
      // lastAnswerAt only moves forward, so a late offline batch never rewinds the burst check.
      const key = keys.device(storeId, deviceId);
      const seenOnly = () =>
        table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression: "SET lastSeenAt = :seen",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":seen": seenAt },
          }),
        );
      if (!lastAnswerAt) {
        await seenOnly();
        return;
      }
      try {
        await table.doc.send(
          new UpdateCommand({
            TableName: table.name,
            Key: key,
            UpdateExpression: "SET lastSeenAt = :seen, lastAnswerAt = :last",
            ConditionExpression:
              "attribute_exists(pk) AND (attribute_not_exists(lastAnswerAt) OR lastAnswerAt < :last)",
            ExpressionAttributeValues: { ":seen": seenAt, ":last": lastAnswerAt },
          }),
        );
      } catch (err) {
        if ((err as Error).name !== "ConditionalCheckFailedException") throw err;
        await seenOnly();
      }
    },
  };
}
