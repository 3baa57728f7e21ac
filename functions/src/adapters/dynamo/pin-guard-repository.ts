/** Recent staff PIN failures of a store and its lock, updated with optimistic versioning. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export interface PinGuard {
  failures: number[];
  lockedUntil: number;
  version: number;
}

export interface PinGuardRepository {
  get(storeId: string): Promise<PinGuard>;
  /** Saves when nobody else changed it since `expectedVersion`; returns false on a race. */
  save(storeId: string, guard: Omit<PinGuard, "version">, expectedVersion: number): Promise<boolean>;
}

export function makePinGuardRepository(table: Table): PinGuardRepository {
  return {
    async get(storeId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.pinGuard(storeId), ConsistentRead: true }),
      );
      return {
        failures: (out.Item?.failures as number[] | undefined) ?? [],
        lockedUntil: (out.Item?.lockedUntil as number | undefined) ?? 0,
        version: (out.Item?.version as number | undefined) ?? 0,
      };
    },
    async save(storeId, guard, expectedVersion) {
      try {
        await table.doc.send(
          new PutCommand({
            TableName: table.name,
            Item: {
              ...keys.pinGuard(storeId),
              entity: "PinGuard",
              failures: guard.failures,
              lockedUntil: guard.lockedUntil,
              version: expectedVersion + 1,
              ttl: Math.floor(Math.max(guard.lockedUntil, Date.now()) / 1000) + 86400,
            },
            ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
            ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ":v": expectedVersion },
          }),
        );
        return true;
      } catch (err) {
        if ((err as Error).name === "ConditionalCheckFailedException") return false;
        throw err;
      }
    },
  };
}
