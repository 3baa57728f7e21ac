/** The table answers a read of one key (the item need not exist), within a second and without retries. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { HealthCheck } from "../../domain/ports/health-check.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

/** Health must say "unavailable" at once, not after the retries a request may afford. */
const PING_TIMEOUT_MS = 1_000;

export function makeHealthCheck(table: Table): HealthCheck {
  return {
    async ping() {
      await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.health() }), {
        abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS),
      });
    },
  };
}
