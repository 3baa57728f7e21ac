/** The table answers a read of one key (the item need not exist). */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { HealthCheck } from "../../domain/ports/health-check.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export function makeHealthCheck(table: Table): HealthCheck {
  return {
    async ping() {
      await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.health() }));
    },
  };
}
