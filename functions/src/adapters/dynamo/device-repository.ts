/** Pairing codes (one use, 15 minutes; a used one is marked, and kept until it expires), paired devices, and the pointer from a device's id to its store. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { Unauthorized } from "../../domain/errors.ts";
import type { DeviceRecord, DeviceRepository } from "../../domain/ports/device-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { putIfAbsent, transactOnce, updateIf } from "./transact.ts";

export function makeDeviceRepository(table: Table): DeviceRepository {
  /** Consistent unless asked otherwise: only the kiosk path's few-second copy reads eventually consistent. */
  const get = async (storeId: string, deviceId: string, opts?: { consistent?: boolean }) => {
    const out = await table.doc.send(
      new GetCommand({
        TableName: table.name,
        Key: keys.device(storeId, deviceId),
        ConsistentRead: opts?.consistent ?? true,
      }),
    );
    return out.Item ? toRecord(out.Item) : undefined;
  };
  return {
    savePairingCode(code, storeId, expiresAt) {
      return putIfAbsent(table, {
        ...keys.pairing(code),
        entity: "PairingCode",
        storeId,
        expiresAt: expiresAt.toISOString(),
        ttl: Math.floor(expiresAt.getTime() / 1000) + 3600,
      });
    },
    async peekPairingCode(code) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.pairing(code) }));
      if (!out.Item) return undefined;
      const { storeId, expiresAt, usedAt } = out.Item;
      return { storeId, expiresAt, ...(typeof usedAt === "string" ? { usedAt } : {}) };
    },
    async pair(code, device, now) {
      const outcome = await transactOnce(table, [
        // Marked used, not deleted: a kiosk that types it again (or lost the race for it) hears "already
        // used" rather than "unknown". The item goes with its TTL an hour after the code expires.
        {
          Update: {
            TableName: table.name,
            Key: keys.pairing(code),
            UpdateExpression: "SET usedAt = :now, deviceId = :device",
            ConditionExpression:
              "attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now AND storeId = :store",
            ExpressionAttributeValues: {
              ":now": now.toISOString(),
              ":store": device.storeId,
              ":device": device.deviceId,
            },
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.device(device.storeId, device.deviceId), entity: "Device", ...device },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.deviceRef(device.deviceId), entity: "DeviceRef", storeId: device.storeId },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ]);
      return outcome.committed ? device : undefined;
    },
    get,
    async find(deviceId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.deviceRef(deviceId), ConsistentRead: true }),
      );
      return typeof out.Item?.storeId === "string" ? get(out.Item.storeId, deviceId) : undefined;
    },
    async listByStore(storeId) {
      return (await queryAll(table, keys.storeDevices(storeId))).map(toRecord);
    },
    async rename(storeId, deviceId, name) {
      const done = await updateIf(table, {
        Key: keys.device(storeId, deviceId),
        UpdateExpression: "SET #name = :name",
        ConditionExpression: "attribute_exists(pk)",
        ExpressionAttributeNames: { "#name": "name" },
        ExpressionAttributeValues: { ":name": name },
      });
      return done ? get(storeId, deviceId) : undefined;
    },
    async revoke(storeId, deviceId, at) {
      // The first revocation's date stays: revoking again changes nothing.
      await updateIf(table, {
        Key: keys.device(storeId, deviceId),
        UpdateExpression: "SET revokedAt = :at",
        ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(revokedAt)",
        ExpressionAttributeValues: { ":at": at },
      });
      return get(storeId, deviceId);
    },
    async touch(storeId, deviceId, seenAt, lastAnswerAt, status) {
      const Key = keys.device(storeId, deviceId);
      const seen = status ? "lastSeenAt = :seen, #status = :status" : "lastSeenAt = :seen";
      const names = status ? { ExpressionAttributeNames: { "#status": "status" } } : {};
      const values = { ":seen": seenAt, ...(status ? { ":status": status } : {}) };
      // lastAnswerAt only moves forward, so a late offline batch never rewinds the burst check.
      const moved =
        lastAnswerAt !== undefined &&
        (await updateIf(table, {
          Key,
          UpdateExpression: `SET ${seen}, lastAnswerAt = :last`,
          ConditionExpression: "attribute_exists(pk) AND (attribute_not_exists(lastAnswerAt) OR lastAnswerAt < :last)",
          ...names,
          ExpressionAttributeValues: { ...values, ":last": lastAnswerAt },
        }));
      if (moved) return;
      const paired = await updateIf(table, {
        Key,
        UpdateExpression: `SET ${seen}`,
        ConditionExpression: "attribute_exists(pk)",
        ...names,
        ExpressionAttributeValues: values,
      });
      // Removed since it was read (or read from a few-second copy): the kiosk must pair again.
      if (!paired) throw new Unauthorized("This device is no longer paired");
    },
  };
}

function toRecord(item: Record<string, unknown>): DeviceRecord {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as DeviceRecord;
}
