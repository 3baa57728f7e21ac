/**
 * Vitest globalSetup of the `api` project: one in-memory DynamoDB Local for the whole run, plus a shared
 * table. Tests read `dynamoEndpoint` and `tableName` with `inject`; tests/api/harness.ts makes a table per file.
 */
import type { TestProject } from "vitest/node";
import { startDynamoLocal } from "../../functions/src/local/dynamo-local.ts";
import { ensureTable, localDynamoClient } from "../../functions/src/local/ensure-table.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

declare module "vitest" {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the run's DynamoDB Local. */
    dynamoEndpoint: string;
    /** A table created from the shared definition, shared by every file of the run. */
    tableName: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamo = await startDynamoLocal();
  const tableName = "sonrisa-test";
  const client = localDynamoClient(dynamo.endpoint);
  try {
    await ensureTable(client, tableName);
  } catch (error) {
    await dynamo.stop();
    throw error;
  } finally {
    client.destroy();
  }
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("tableName", tableName);
  return () => dynamo.stop();
}
