/** The loyalty programme (one item with a version), a revision per change, and immutable consent versions. */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { LoyaltyProgram, LoyaltyRevision } from "@sonrisa/shared/schemas/loyalty";
import type {
  LoyaltyConsentVersion,
  LoyaltyProgramRepository,
  ProgramState,
} from "../../domain/ports/loyalty-program-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryPage } from "./query-all.ts";
import { putIfAbsent, transactOnce } from "./transact.ts";

export function makeLoyaltyProgramRepository(table: Table): LoyaltyProgramRepository {
  const read = async (key: { pk: string; sk: string }) =>
    (await table.doc.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }))).Item;
  return {
    async get() {
      const item = await read(keys.loyaltyProgram());
      if (!item) return undefined;
      return {
        program: item.program as LoyaltyProgram,
        version: Number(item.version ?? 0),
        updatedAt: String(item.updatedAt ?? ""),
        updatedBy: String(item.updatedBy ?? ""),
      } satisfies ProgramState;
    },
    async replace(program, expectedVersion, revision) {
      const outcome = await transactOnce(table, [
        {
          Put: {
            TableName: table.name,
            Item: {
              ...keys.loyaltyProgram(),
              entity: "LoyaltyProgram",
              program,
              version: expectedVersion + 1,
              updatedAt: revision.at,
              updatedBy: revision.by,
            },
            ConditionExpression: expectedVersion === 0 ? "attribute_not_exists(pk)" : "version = :v",
            ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ":v": expectedVersion } }),
          },
        },
        {
          Put: {
            TableName: table.name,
            Item: { ...keys.loyaltyRevision(revision.at, revision.id), entity: "LoyaltyRevision", ...revision },
            ConditionExpression: "attribute_not_exists(pk)",
          },
        },
      ]);
      return outcome.committed;
    },
    async revisions(limit) {
      const out = await queryPage(table, keys.loyaltyRevisions(), { ScanIndexForward: false, Limit: limit });
      return (out.Items ?? []).map((i) => withoutKeys<LoyaltyRevision>(i));
    },
    async consentVersion(version) {
      const item = await read(keys.loyaltyConsent(version));
      return item ? withoutKeys<LoyaltyConsentVersion>(item) : undefined;
    },
    addConsentVersion(consent) {
      return putIfAbsent(table, { ...keys.loyaltyConsent(consent.version), entity: "LoyaltyConsent", ...consent });
    },
  };
}
