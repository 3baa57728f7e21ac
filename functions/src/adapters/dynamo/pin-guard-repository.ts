/** Recent staff PIN failures of a store and its lock, updated with optimistic versioning. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { PinGuardRepository } from "../../domain/ports/pin-guard-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { putIf } from "./transact.ts";

/** A guard with failures is kept a day past its lock or its newest failure. */
const KEEP_SECONDS = 86400;

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
    save(storeId, guard, expectedVersion) {
      const newest = Math.max(guard.lockedUntil, ...guard.failures, 0);
      return putIf(table, {
        Item: {
          ...keys.pinGuard(storeId),
          entity: "PinGuard",
          failures: guard.failures,
          lockedUntil: guard.lockedUntil,
          version: expectedVersion + 1,
          // An empty guard (after a success) is kept: it holds the version the next save is checked against.
          ...(newest > 0 ? { ttl: Math.floor(newest / 1000) + KEEP_SECONDS } : {}),
        },
        ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
        ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ":v": expectedVersion },
      });
    },
  };
}
