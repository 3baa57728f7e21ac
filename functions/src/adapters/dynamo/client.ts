/** The DynamoDB document client, made once per cold start and injected everywhere. */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "../../config.ts";

export function makeDocumentClient(config: Pick<Config, "DYNAMODB_ENDPOINT">): DynamoDBDocumentClient {
  const client = new DynamoDBClient(
    config.DYNAMODB_ENDPOINT
      ? {
          endpoint: config.DYNAMODB_ENDPOINT,
          region: process.env.AWS_REGION ?? "eu-west-1",
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
          maxAttempts: 5,
        }
      : { maxAttempts: 5 },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/** A table handle: the client plus the table's name. */
export interface Table {
  doc: DynamoDBDocumentClient;
  name: string;
}
