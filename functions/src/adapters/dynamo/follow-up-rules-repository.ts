/** The organisation's follow-up rules: one small item, replaced as a whole. */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { FollowUpRule } from "@sonrisa/shared/schemas/follow-ups";
import type { FollowUpRulesRepository } from "../../domain/ports/follow-up-rules-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";

export function makeFollowUpRulesRepository(table: Table): FollowUpRulesRepository {
  return {
    async get() {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.followUpRules(), ConsistentRead: true }),
      );
      return (out.Item?.rules as FollowUpRule[] | undefined) ?? [];
    },
    async replace(rules, by, at) {
      await table.doc.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.followUpRules(), entity: "FollowUpRules", rules, updatedBy: by, updatedAt: at },
        }),
      );
    },
  };
}
