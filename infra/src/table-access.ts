// Least-privilege DynamoDB access: item-level actions on the table and its named indexes only.
// No Scan (never on a request path) and no stream reads; transactions are authorised per item action.

import { tableDefinition } from "@sonrisa/shared/table";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { type IGrantable, PolicyStatement } from "aws-cdk-lib/aws-iam";

/** Actions of a read-only function. */
export const readActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
] as const;

/** Actions of a function that also writes. */
export const readWriteActions = [
  ...readActions,
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
] as const;

/** Whether a function only reads or also writes. */
export type TableAccess = "read" | "readWrite";

/**
 * Grants `access` on the table and each index of shared/src/table.ts by name. Named index ARNs
 * instead of CDK's `index/*` keep the policy free of wildcards.
 */
export function grantTableAccess(grantee: IGrantable, table: ITable, access: TableAccess): void {
  const indexes = tableDefinition.globalSecondaryIndexes.map((gsi) => `${table.tableArn}/index/${gsi.indexName}`);
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: [...(access === "read" ? readActions : readWriteActions)],
      resources: [table.tableArn, ...indexes],
    }),
  );
}
