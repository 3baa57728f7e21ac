/** The organisation's surprise rules: one small item, replaced as a whole. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { RulesRepository } from "../../domain/ports/rules-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export function makeRulesRepository(table: Table): RulesRepository {
  return {
    async get() {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.surpriseRules(), ConsistentRead: true }),
      );
      return (out.Item?.rules as SurpriseRule[] | undefined) ?? [];
    },
    async replace(rules, by, at) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.surpriseRules(), entity: "SurpriseRules", rules, updatedBy: by, updatedAt: at },
        }),
      );
    },
  };
}
