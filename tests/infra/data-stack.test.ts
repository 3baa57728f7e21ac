// The stateful stack matches shared/src/table.ts and protects its data.

import { tableDefinition } from "@sonrisa/shared/table";
import { App } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { DataStack } from "../../infra/src/data-stack.ts";
import { cdkJsonContext, resourcesOf, synthTimeout } from "./sonrisa-fixture.ts";

let template: Template;

beforeAll(() => {
  const app = new App({ context: cdkJsonContext() });
  template = Template.fromStack(new DataStack(app, "Data"));
}, synthTimeout);

describe("the table", () => {
  it("has the keys, indexes, TTL and stream of the shared table definition", () => {
    const keys = (hash: string, range: string) => [
      { AttributeName: hash, KeyType: "HASH" },
      { AttributeName: range, KeyType: "RANGE" },
    ];
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      KeySchema: keys(tableDefinition.partitionKey, tableDefinition.sortKey),
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: keys(gsi.partitionKey, gsi.sortKey),
        Projection: { ProjectionType: "ALL" },
      })),
      TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: tableDefinition.streams },
    });
  });

  it("is on demand with point-in-time recovery and deletion protection", () => {
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it("is kept when the stack is deleted or the table replaced", () => {
    template.hasResource("AWS::DynamoDB::Table", { DeletionPolicy: "Retain", UpdateReplacePolicy: "Retain" });
  });

  it("is the only table", () => {
    expect(Object.keys(resourcesOf(template, "AWS::DynamoDB::Table"))).toHaveLength(1);
  });
});

describe("the auth secret", () => {
  it("is generated, never written in the template, and retained", () => {
    template.hasResource("AWS::SecretsManager::Secret", {
      DeletionPolicy: "Retain",
      Properties: {
        GenerateSecretString: Match.objectLike({ PasswordLength: 64, ExcludePunctuation: true }),
        SecretString: Match.absent(),
      },
    });
  });
});
