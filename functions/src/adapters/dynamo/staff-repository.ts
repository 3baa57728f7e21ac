/** A store's staff PIN item (hash, version, fewest digits) and its named staff members, in the store's partition. */
import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { StaffMemberRecord, StaffRepository } from "../../domain/ports/staff-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";
import { putIf, putIfAbsent } from "./transact.ts";

export function makeStaffRepository(table: Table): StaffRepository {
  const get = (Key: Record<string, string>) =>
    table.doc.send(new GetCommand({ TableName: table.name, Key, ConsistentRead: true })).then((out) => out.Item);
  return {
    async pin(storeId) {
      const item = await get(keys.staffPin(storeId));
      return {
        ...(typeof item?.pinHash === "string" ? { pinHash: item.pinHash } : {}),
        version: typeof item?.version === "number" ? item.version : 0,
        minDigits: typeof item?.minDigits === "number" ? item.minDigits : 4,
        ...(typeof item?.updatedAt === "string" ? { updatedAt: item.updatedAt } : {}),
      };
    },
    setPin(storeId, pin, expectedVersion) {
      return putIf(table, {
        Item: { ...keys.staffPin(storeId), entity: "StaffPin", ...pin, version: expectedVersion + 1 },
        ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "#v = :v",
        ...(expectedVersion === 0
          ? {}
          : { ExpressionAttributeNames: { "#v": "version" }, ExpressionAttributeValues: { ":v": expectedVersion } }),
      });
    },
    async members(storeId) {
      const items = await queryAll(table, keys.storeStaff(storeId), { ConsistentRead: true });
      return items.map(toMember);
    },
    async member(storeId, staffId) {
      const item = await get(keys.staffMember(storeId, staffId));
      return item ? toMember(item) : undefined;
    },
    addMember(member) {
      return putIfAbsent(table, {
        ...keys.staffMember(member.storeId, member.staffId),
        entity: "StaffMember",
        ...member,
      });
    },
    async removeMember(storeId, staffId) {
      const out = await table.doc.send(
        new DeleteCommand({ TableName: table.name, Key: keys.staffMember(storeId, staffId), ReturnValues: "ALL_OLD" }),
      );
      return Boolean(out.Attributes);
    },
  };
}

function toMember(item: Record<string, unknown>): StaffMemberRecord {
  return {
    storeId: String(item.storeId),
    staffId: String(item.staffId),
    name: String(item.name),
    pinHash: String(item.pinHash),
    createdAt: String(item.createdAt),
  };
}
