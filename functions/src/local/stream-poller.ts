/**
 * The local stand-in for Lambda's DynamoDB stream event source mapping: reads DynamoDB Local's stream of the
 * table shard by shard, keeps the records each consumer of the shared `streamConsumers` list filters for, and
 * calls its handler with the same DynamoDBStreamEvent Lambda would send. A reported failure is retried from
 * that record (3 attempts, then the record goes to `<dataDir>/stream-failures.jsonl`, keys only).
 * Checkpoints per shard are kept in `<dataDir>/stream-checkpoints.json`; a shard without one (or whose
 * checkpoint DynamoDB Local no longer knows) is read from TRIM_HORIZON, which is harmless: every consumer is
 * idempotent.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
} from "@aws-sdk/client-dynamodb-streams";
import { type StreamConsumer, streamConsumers } from "@sonrisa/shared/routes";
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { buildContext } from "./api-event.ts";
import { describeError, type LocalLog, makeLog } from "./log.ts";
import { makeModuleLoader } from "./module-loader.ts";

type ConsumerModule = {
  handler?: (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse | undefined>;
};

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  /** Checkpoints and failed records are kept here; omitted = in memory. */
  dataDir?: string;
  /** Where `<consumer>.ts` entry files live; default functions/src/events. */
  consumersDir?: string;
  /** Pause between polls that found nothing; default 250 ms. */
  idleMs?: number;
  log?: LocalLog;
}

export interface StreamPoller {
  /** Resolves once every record written before the call has been handed to its consumers. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 3;
const defaultConsumersDir = fileURLToPath(new URL("../events", import.meta.url));

interface ShardState {
  iterator?: string;
  closed: boolean;
  attempts: Map<string, number>;
}

export async function startStreamPoller(opts: StreamPollerOptions): Promise<StreamPoller> {
  const log = opts.log ?? makeLog();
  const credentials = { accessKeyId: "local", secretAccessKey: "local" };
  const region = "eu-west-1";
  const dynamo = new DynamoDBClient({ endpoint: opts.endpoint, region, credentials });
  const streams = new DynamoDBStreamsClient({ endpoint: opts.endpoint, region, credentials });
  const table = await dynamo.send(new DescribeTableCommand({ TableName: opts.tableName }));
  dynamo.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${opts.tableName} has no stream`);
  const loader = makeModuleLoader<ConsumerModule>(opts.consumersDir ?? defaultConsumersDir);
  const checkpointFile = opts.dataDir ? join(opts.dataDir, "stream-checkpoints.json") : undefined;
  const failureFile = opts.dataDir ? join(opts.dataDir, "stream-failures.jsonl") : undefined;
  const checkpoints: Record<string, string> = loadCheckpoints(checkpointFile, opts.tableName);
  const shards = new Map<string, ShardState>();
  let stopped = false;
  let cycle = 0;
  const waiters: { after: number; resolve: () => void }[] = [];

  async function listShards(): Promise<Shard[]> {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      all.push(...(out.StreamDescription?.Shards ?? []));
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return all;
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const seq = checkpoints[shardId];
    if (seq) {
      try {
        const out = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ShardIteratorType: "AFTER_SEQUENCE_NUMBER",
            SequenceNumber: seq,
          }),
        );
        return out.ShardIterator;
      } catch (error) {
        log.debug(`stream: checkpoint of ${shardId} not usable (${describeError(error)}), reading from TRIM_HORIZON`);
      }
    }
    const out = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: "TRIM_HORIZON" }),
    );
    return out.ShardIterator;
  }

  /** Reads one page of a shard and hands it to the consumers; returns how many records it read. */
  async function pollShard(shardId: string, state: ShardState): Promise<number> {
    state.iterator ??= await iteratorFor(shardId);
    if (!state.iterator) {
      state.closed = true;
      return 0;
    }
    let out: GetRecordsCommandOutput;
    try {
      out = await streams.send(new GetRecordsCommand({ ShardIterator: state.iterator, Limit: 100 }));
    } catch (error) {
      if ((error as Error).name === "ExpiredIteratorException") {
        state.iterator = undefined;
        return 0;
      }
      throw error;
    }
    const records = out.Records ?? [];
    let processedTo = records.length;
    for (const consumer of streamConsumers) {
      const failedAt = await deliver(consumer, records);
      if (failedAt !== undefined) processedTo = Math.min(processedTo, failedAt);
    }
    const failedRecord = records[processedTo];
    if (failedRecord?.dynamodb?.SequenceNumber) {
      const seq = failedRecord.dynamodb.SequenceNumber;
      const attempts = (state.attempts.get(seq) ?? 0) + 1;
      state.attempts.set(seq, attempts);
      if (attempts < MAX_ATTEMPTS) {
        // Read again from the failed record, as Lambda retries a batch from its first reported failure.
        const previous = records[processedTo - 1]?.dynamodb?.SequenceNumber;
        if (previous) checkpoints[shardId] = previous;
        state.iterator = (
          await streams.send(
            new GetShardIteratorCommand({
              StreamArn: streamArn,
              ShardId: shardId,
              ShardIteratorType: "AT_SEQUENCE_NUMBER",
              SequenceNumber: seq,
            }),
          )
        ).ShardIterator;
        return processedTo;
      }
      log.error(
        `stream: record ${failedRecord.eventID} failed ${attempts} times; set aside${failureFile ? " in stream-failures.jsonl" : ""}`,
      );
      if (failureFile)
        appendFileSync(
          failureFile,
          `${JSON.stringify({ eventID: failedRecord.eventID, keys: failedRecord.dynamodb.Keys, sequenceNumber: seq })}\n`,
        );
      state.attempts.delete(seq);
      const rest = records.slice(processedTo + 1);
      for (const consumer of streamConsumers) await deliver(consumer, rest); // one more try for the others
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) checkpoints[shardId] = last;
    state.iterator = out.NextShardIterator;
    if (!state.iterator) state.closed = true;
    return records.length;
  }

  /** Calls the consumer with the records it filters for; returns the index (in `records`) of the first failure. */
  async function deliver(consumer: StreamConsumer, records: StreamRecord[]): Promise<number | undefined> {
    const wanted = records
      .map((record, index) => ({ record, index }))
      .filter(({ record }) =>
        consumer.filters.some((f) => f.eventName === record.eventName && entityOf(record) === f.entity),
      );
    if (wanted.length === 0 || !loader.exists(consumer.handler)) return undefined;
    const mod = await loader.load(consumer.handler);
    if (typeof mod.handler !== "function") throw new Error(`${consumer.handler}.ts does not export a handler`);
    for (let i = 0; i < wanted.length; i += consumer.batchSize) {
      const batch = wanted.slice(i, i + consumer.batchSize);
      const event: DynamoDBStreamEvent = { Records: batch.map(({ record }) => toLambdaRecord(record, streamArn!)) };
      let response: DynamoDBBatchResponse | undefined;
      try {
        response = await mod.handler(event, buildContext(`sonrisa-local-${consumer.handler}`, 60_000));
      } catch (error) {
        log.error(`stream: ${consumer.handler} failed: ${describeError(error)}`);
        return batch[0]!.index;
      }
      const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed)
        return batch.find(({ record }) => record.dynamodb?.SequenceNumber === failed)?.index ?? batch[0]!.index;
    }
    return undefined;
  }

  async function pollOnce(): Promise<number> {
    let read = 0;
    const all = await listShards();
    for (const shard of all) {
      const id = shard.ShardId!;
      let state = shards.get(id);
      if (!state) {
        state = { closed: false, attempts: new Map() };
        shards.set(id, state);
      }
      if (state.closed) continue;
      const parent = shard.ParentShardId ? shards.get(shard.ParentShardId) : undefined;
      if (parent && !parent.closed) continue; // a parent's records come first
      read += await pollShard(id, state);
    }
    if (read > 0) saveCheckpoints(checkpointFile, opts.tableName, checkpoints);
    return read;
  }

  const loop = (async () => {
    let emptyCycles = 0;
    // DynamoDB Local down (killed, restarting): said once when it starts failing and once when it is back.
    let failing = false;
    while (!stopped) {
      let read = 0;
      const started = ++cycle;
      try {
        read = await pollOnce();
        if (failing) log.info("stream poller: reading the stream again");
        failing = false;
      } catch (error) {
        if (!stopped && !failing) log.error(`stream poller: ${describeError(error)} (quiet until it reads again)`);
        failing = true;
      }
      emptyCycles = read === 0 ? emptyCycles + 1 : 0;
      if (emptyCycles > 0) {
        for (const w of waiters.splice(0)) {
          if (started > w.after) w.resolve();
          else waiters.push(w);
        }
      }
      if (read === 0 && !stopped) await new Promise((r) => setTimeout(r, opts.idleMs ?? 250));
    }
  })();

  return {
    drain: () => new Promise<void>((resolve) => waiters.push({ after: cycle, resolve })),
    async stop() {
      stopped = true;
      await loop;
      for (const w of waiters.splice(0)) w.resolve();
      streams.destroy();
    },
  };
}

function entityOf(record: StreamRecord): string | undefined {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const entity = image?.entity;
  return entity && "S" in entity ? entity.S : undefined;
}

/** The record as Lambda hands it over: the same attribute-value JSON, the time in epoch seconds. */
function toLambdaRecord(record: StreamRecord, arn: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord["eventName"],
    eventVersion: record.eventVersion ?? "1.1",
    eventSource: "aws:dynamodb",
    awsRegion: record.awsRegion ?? "eu-west-1",
    eventSourceARN: arn,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
      Keys: d.Keys as never,
      ...(d.NewImage ? { NewImage: d.NewImage as never } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage as never } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as never,
    },
  };
}

function loadCheckpoints(file: string | undefined, tableName: string): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, string>>)[tableName] ?? {};
  } catch {
    return {};
  }
}

function saveCheckpoints(file: string | undefined, tableName: string, checkpoints: Record<string, string>): void {
  if (!file) return;
  let all: Record<string, Record<string, string>> = {};
  try {
    if (existsSync(file)) all = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    all = {};
  }
  all[tableName] = checkpoints;
  writeFileSync(file, JSON.stringify(all), { mode: 0o600 });
}
