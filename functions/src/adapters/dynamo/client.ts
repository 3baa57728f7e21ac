/** The DynamoDB document client, made once per cold start and injected everywhere. */
import { DynamoDBClient, type DynamoDBClientConfig, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Config } from "../../config.ts";
import { outageKind, reportOutagesAsUnavailable } from "./outage.ts";

/**
 * How long one call may wait, so a frozen database fails a request within about 5 s instead of hanging it
 * until API Gateway gives up: a connection gets 1 s and a call 4 s. A call that timed out is not retried
 * (the time is spent, and a database that slow is better left alone than sent the same work again); a
 * refused or reset connection, throttling or a server error is retried once, a moment later. The kiosk
 * and the pages retry a 503 themselves.
 */
export const CALL_LIMITS = { connectionTimeoutMs: 1_000, callTimeoutMs: 4_000, retryDelayMs: 150 } as const;

/** The SDK's retry strategy interface (RetryStrategyV2), as the client's configuration types it. */
type RetryStrategy = Extract<NonNullable<DynamoDBClientConfig["retryStrategy"]>, { recordSuccess: unknown }>;
type RetryToken = Awaited<ReturnType<RetryStrategy["acquireInitialRetryToken"]>>;

/** One quick retry, never after a timeout. */
const retryOnceUnlessTimedOut: RetryStrategy = {
  acquireInitialRetryToken: async () => token(0),
  async refreshRetryTokenForRetry(previous, info) {
    const kind = outageKind(info.error);
    if (previous.getRetryCount() >= 1 || !kind || kind === "timed out") throw info.error;
    return token(1, CALL_LIMITS.retryDelayMs * (0.5 + Math.random()));
  },
  recordSuccess: () => {},
};

function token(count: number, delay = 0): RetryToken {
  return { getRetryCount: () => count, getRetryDelay: () => delay };
}

/**
 * The client of the functions, with CALL_LIMITS. Tools that load a table in bulk on a busy machine (the
 * benches' loaders) may give a call longer (`callTimeoutMs`): a request's 5 s do not apply to them. A loader
 * that starts again from its own checkpoint after a crash (the demo history) may skip the wait for each
 * local commit (`localCommitWait: false`, see waitForLocalCommits).
 */
export function makeDocumentClient(
  config: Pick<Config, "DYNAMODB_ENDPOINT">,
  {
    callTimeoutMs = CALL_LIMITS.callTimeoutMs,
    localCommitWait = true,
  }: { callTimeoutMs?: number; localCommitWait?: boolean } = {},
): DynamoDBDocumentClient {
  const limits = {
    retryStrategy: retryOnceUnlessTimedOut,
    requestHandler: {
      connectionTimeout: CALL_LIMITS.connectionTimeoutMs,
      requestTimeout: callTimeoutMs,
      throwOnRequestTimeout: true,
    },
  };
  const client = new DynamoDBClient(
    config.DYNAMODB_ENDPOINT
      ? {
          endpoint: config.DYNAMODB_ENDPOINT,
          region: process.env.AWS_REGION ?? "eu-west-1",
          credentials: { accessKeyId: "local", secretAccessKey: "local" },
          ...limits,
        }
      : limits,
  );
  reportOutagesAsUnavailable(client);
  if (config.DYNAMODB_ENDPOINT && localCommitWait) waitForLocalCommits(client);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/**
 * DynamoDB Local answers a TransactWriteItems a moment before the transaction is on disk: killed with
 * `kill -9` in that moment, it comes back without it (measured: 2 of 4 transactions lost when killed right
 * after the answer, none when any other request came first). Real DynamoDB does not do this. Against a local
 * endpoint, each committed transaction is therefore followed by the cheapest request there is, which
 * DynamoDB Local answers only once the commit is written, before the caller hears of the commit.
 */
function waitForLocalCommits(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === "TransactWriteItemsCommand") await client.send(new ListTablesCommand({ Limit: 1 }));
      return out;
    },
    { step: "initialize", name: "sonrisaLocalCommitIsOnDisk" },
  );
}

/** A table handle: the client plus the table's name. */
export interface Table {
  doc: DynamoDBDocumentClient;
  name: string;
}
