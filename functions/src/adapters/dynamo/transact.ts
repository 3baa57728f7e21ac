/**
 * Conditional writes, in one place: a transaction whose cancellation is read once (which items' conditions
 * failed, or only a concurrent writer in the way), retries with backoff on conflicts, and a conditional put.
 */
import {
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Table } from "./client.ts";

export type TxItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

export type TransactOutcome =
  | { committed: true; units: number }
  /** `failed`: indexes of the items whose own condition failed; empty when only a concurrent writer got in the way. */
  | { committed: false; failed: number[] };

/** One attempt at a transaction; other errors than a cancellation are thrown. */
export async function transactOnce(table: Table, items: TxItem[]): Promise<TransactOutcome> {
  try {
    const res = await table.doc.send(
      new TransactWriteCommand({ TransactItems: items, ReturnConsumedCapacity: "TOTAL" }),
    );
    const units = (res.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
    return { committed: true, units };
  } catch (err) {
    if ((err as Error).name !== "TransactionCanceledException") throw err;
    const reasons = (err as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    const failed = reasons.flatMap((r, i) => (r.Code === "ConditionalCheckFailed" ? [i] : []));
    return { committed: false, failed };
  }
}

/**
 * Runs a transaction, retrying while only concurrent writers got in the way (a busy store's day item);
 * returns the index of the first item whose condition failed, or -1 when it committed.
 */
export async function transact(table: Table, items: TxItem[], maxAttempts = 9): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await transactOnce(table, items);
    if (outcome.committed) return -1;
    if (outcome.failed.length > 0) return outcome.failed[0]!;
    if (attempt + 1 >= maxAttempts) throw new Error(`The transaction met conflicts ${maxAttempts} times`);
    await backoff(attempt);
  }
}

/** Exponential backoff with jitter, capped at about a second. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000, 10 * 2 ** Math.min(attempt, 7)) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A put under a condition; false when the condition failed. */
export function putIf(table: Table, input: Omit<PutCommandInput, "TableName">): Promise<boolean> {
  return unlessConditionFails(table.doc.send(new PutCommand({ TableName: table.name, ...input })));
}

/** Puts the item unless one with its key exists; false when it existed. */
export function putIfAbsent(table: Table, item: Record<string, unknown>): Promise<boolean> {
  return putIf(table, { Item: item, ConditionExpression: "attribute_not_exists(pk)" });
}

/** An update under a condition; false when the condition failed. */
export function updateIf(table: Table, input: Omit<UpdateCommandInput, "TableName">): Promise<boolean> {
  return unlessConditionFails(table.doc.send(new UpdateCommand({ TableName: table.name, ...input })));
}

async function unlessConditionFails(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (err) {
    if ((err as Error).name === "ConditionalCheckFailedException") return false;
    throw err;
  }
}
