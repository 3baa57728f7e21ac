/**
 * Dashboard users, keyed by e-mail (sign-in and the per-request session check read one item) and indexed
 * by id on gsi1 `USERS` (the People page). A user stored before ids existed gets one when first read.
 */
import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { UserRecord, UserRepository } from "../../domain/ports/user-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryAll, queryPage } from "./query-all.ts";
import { putIfAbsent, type TxItem, transact, updateIf } from "./transact.ts";

export function makeUserRepository(table: Table): UserRepository {
  const read = async (email: string) => {
    const out = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: keys.user(email), ConsistentRead: true }),
    );
    return out.Item;
  };
  const get = async (email: string): Promise<UserRecord | undefined> => {
    let item = await read(email);
    if (item && typeof item.userId !== "string") {
      await giveId(table, String(item.email));
      item = await read(email);
    }
    return item ? toRecord(item) : undefined;
  };
  return {
    get,
    async getById(userId) {
      const out = await queryPage(table, keys.userById(userId), { Limit: 1 });
      const email = out.Items?.[0]?.email;
      return typeof email === "string" ? get(email) : undefined;
    },
    async list() {
      return (await queryAll(table, keys.allUsers())).map(toRecord);
    },
    async any() {
      const out = await queryPage(table, keys.allUsers(), { Limit: 1 });
      return (out.Items?.length ?? 0) > 0;
    },
    create(user) {
      const email = user.email.toLowerCase();
      return putIfAbsent(table, {
        ...keys.user(email),
        ...keys.userIndex(user.userId),
        entity: "User",
        ...user,
        email,
      });
    },
    async update(user, expectedVersion, keeper) {
      const items: TxItem[] = [
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.user(user.email), ...keys.userIndex(user.userId), entity: "User", ...user },
            ConditionExpression: "attribute_exists(pk) AND #v = :v",
            ExpressionAttributeNames: { "#v": "version" },
            ExpressionAttributeValues: { ":v": expectedVersion },
          },
        },
      ];
      if (keeper) {
        // The keeper must still be an active admin, and every admin-losing change writes one guard item,
        // so two admins demoting each other at once are serialised and the second one fails its check.
        items.push({
          Update: {
            TableName: table.name,
            Key: keys.adminGuard(),
            UpdateExpression: "SET entity = :e ADD changes :one",
            ExpressionAttributeValues: { ":e": "AdminGuard", ":one": 1 },
          },
        });
        items.push({
          ConditionCheck: {
            TableName: table.name,
            Key: keys.user(keeper.email),
            ConditionExpression: "#r = :admin AND #v = :kv AND (attribute_not_exists(disabled) OR disabled = :no)",
            ExpressionAttributeNames: { "#r": "role", "#v": "version" },
            ExpressionAttributeValues: { ":admin": "admin", ":kv": keeper.version, ":no": false },
          },
        });
      }
      return (await transact(table, items)) === -1;
    },
  };
}

/** An id for a user stored before users had one (the demo seed's or create-admin's of an older version). */
async function giveId(table: Table, email: string): Promise<void> {
  const userId = randomUUID();
  await updateIf(table, {
    Key: keys.user(email),
    UpdateExpression: "SET userId = :id, gsi1pk = :gpk, gsi1sk = :gsk, #v = if_not_exists(#v, :zero)",
    ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(userId)",
    ExpressionAttributeNames: { "#v": "version" },
    ExpressionAttributeValues: {
      ":id": userId,
      ":gpk": keys.userIndex(userId).gsi1pk,
      ":gsk": userId,
      ":zero": 0,
    },
  });
}

function toRecord(item: Record<string, unknown>): UserRecord {
  return {
    userId: String(item.userId),
    email: String(item.email),
    role: item.role as UserRecord["role"],
    passwordHash: String(item.passwordHash),
    ...(Array.isArray(item.stores) ? { stores: item.stores as string[] } : {}),
    ...(item.disabled === true ? { disabled: true } : {}),
    version: typeof item.version === "number" ? item.version : 0,
    ...(typeof item.createdAt === "string" ? { createdAt: item.createdAt } : {}),
  };
}
