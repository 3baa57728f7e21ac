/** Suppressed addresses (bounces, complaints, SMS opt-outs), keyed by a hash of the address. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { SuppressionList } from "../../domain/ports/suppression-list.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export function makeSuppressionList(table: Table): SuppressionList {
  return {
    async add(address, reason, at) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.suppression(address), entity: "Suppression", reason, at },
        }),
      );
    },
    async has(address) {
      const out = await table.doc.send(new GetCommand({ TableName: table.name, Key: keys.suppression(address) }));
      return Boolean(out.Item);
    },
  };
}
