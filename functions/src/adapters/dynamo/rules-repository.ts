/** The organisation's surprise rules (one small item, replaced as a whole) and a revision per change. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { RuleRevision, SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { Invalid } from "../../domain/errors.ts";
import type { RulesRepository } from "../../domain/ports/rules-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import { queryPage } from "./query-all.ts";
import { transactOnce } from "./transact.ts";

export function makeRulesRepository(table: Table): RulesRepository {
  const state = async () => {
    const out = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: keys.surpriseRules(), ConsistentRead: true }),
    );
    return {
      rules: (out.Item?.rules as SurpriseRule[] | undefined) ?? [],
      version: typeof out.Item?.version === "number" ? out.Item.version : 0,
    };
  };
  return {
    async get() {
      return (await state()).rules;
    },
    state,
    async replace(rules, expectedVersion, revision) {
      const outcome = await transactOnce(table, [
        {
          Put: {
            TableName: table.name,
            Item: {
              ...keys.surpriseRules(),
              entity: "SurpriseRules",
              rules,
              version: expectedVersion + 1,
              updatedBy: revision.by,
              updatedAt: revision.at,
            },
            // Version 0 is "never saved" (or saved before versions were kept).
            ConditionExpression:
              expectedVersion === 0 ? "attribute_not_exists(pk) OR attribute_not_exists(version)" : "version = :v",
            ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ":v": expectedVersion } }),
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.ruleRevision(revision.at, revision.id), entity: "RuleRevision", ...revision },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ]);
      return outcome.committed;
    },
    async revisions(limit, cursor) {
      const range = keys.ruleRevisions();
      const out = await queryPage(table, range, {
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: cursor ? { pk: range.pk, sk: decodeCursor(cursor, range.prefix) } : undefined,
      });
      const items = (out.Items ?? []).map(toRevision);
      const last = out.LastEvaluatedKey?.sk;
      return typeof last === "string" ? { items, cursor: Buffer.from(last).toString("base64url") } : { items };
    },
  };
}

function decodeCursor(cursor: string, prefix: string): string {
  const sk = Buffer.from(cursor, "base64url").toString();
  if (!sk.startsWith(prefix)) throw new Invalid("The cursor is not valid");
  return sk;
}

function toRevision(item: Record<string, unknown>): RuleRevision {
  const { pk: _pk, sk: _sk, entity: _e, ...rest } = item;
  return rest as unknown as RuleRevision;
}
