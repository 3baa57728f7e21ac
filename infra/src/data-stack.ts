// Stateful stack: the single DynamoDB table and the auth signing secret. Kept apart so the
// stateless stack can be replaced or destroyed without touching data.

import { tableDefinition } from "@sonrisa/shared/table";
import { CfnOutput, RemovalPolicy, Stack, type StackProps, Validations } from "aws-cdk-lib";
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from "aws-cdk-lib/aws-dynamodb";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";

/** The table and secret every function needs. */
export class DataStack extends Stack {
  /** The one table (generic keys, see shared/src/table.ts). */
  readonly table: Table;
  /** HMAC key for user, staff and device tokens, as a plain 64-character SecretString. */
  readonly authSecret: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const def = tableDefinition;

    this.table = new Table(this, "Table", {
      partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
      sortKey: { name: def.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: def.ttlAttribute,
      stream: StreamViewType[def.streams],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of def.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    this.authSecret = new Secret(this, "AuthSecret", {
      description: "Sonrisa: HMAC key that signs user, staff and device tokens",
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, "TableName", { value: this.table.tableName, description: "For infra/bin/create-admin.ts" });

    Validations.of(this.authSecret).acknowledge({
      id: "AwsSolutions-SMG4",
      reason:
        "Rotating the signing key invalidates every issued token, including the long-lived device tokens of " +
        "paired kiosks; the functions verify with a single key, so rotation is a manual, announced operation.",
    });
  }
}
