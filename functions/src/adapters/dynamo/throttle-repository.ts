/** Throttle buckets (sign-in, PIN and pairing failures), one small item each, updated with optimistic versions. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { ThrottleRepository } from "../../domain/ports/throttle-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { putIf } from "./transact.ts";

/** A bucket is kept a day past its lock or its newest failure, then TTL removes it. */
const KEEP_SECONDS = 86400;

export function makeThrottleRepository(table: Table): ThrottleRepository {
  return {
    async get(bucket) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.throttle(bucket), ConsistentRead: true }),
      );
      return {
        failures: (out.Item?.failures as number[] | undefined) ?? [],
        pending: (out.Item?.pending as number[] | undefined) ?? [],
        lockedUntil: (out.Item?.lockedUntil as number | undefined) ?? 0,
        lockouts: (out.Item?.lockouts as number | undefined) ?? 0,
        touchedAt: (out.Item?.touchedAt as number | undefined) ?? 0,
        version: (out.Item?.version as number | undefined) ?? 0,
      };
    },
    save(bucket, state, expectedVersion) {
      const newest = Math.max(state.lockedUntil, state.touchedAt, ...state.failures, 0);
      return putIf(table, {
        Item: {
          ...keys.throttle(bucket),
          entity: "Throttle",
          failures: state.failures,
          pending: state.pending,
          lockedUntil: state.lockedUntil,
          lockouts: state.lockouts,
          touchedAt: state.touchedAt,
          version: expectedVersion + 1,
          ttl: Math.floor(newest / 1000) + KEEP_SECONDS,
        },
        ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
        ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ":v": expectedVersion },
      });
    },
  };
}
