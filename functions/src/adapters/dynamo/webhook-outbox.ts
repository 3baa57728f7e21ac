/**
 * The webhook outbox in the table. A message is put once (keyed by its `webhook-id`); while pending it sits in
 * gsi1 `WHDUE#<shard>` by its next attempt, while being sent in `WHSENDING#<shard>` by its claim; gsi2
 * `WHLOG#<endpointId>` is the endpoint's delivery log. Every change is conditional on the status (and claim).
 * Messages expire (TTL) 30 days after their last change.
 */
import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { Invalid } from "../../domain/errors.ts";
import type { WebhookMessageRecord, WebhookOutbox } from "../../domain/ports/webhook-outbox.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys, WEBHOOK_SHARDS } from "./keys.ts";
import { keyCondition, queryPage } from "./query-all.ts";
import { putIfAbsent } from "./transact.ts";

const KEEP_SECONDS = 30 * 86_400;
/** Attempts kept on a message: the last ones (an admin may replay a message many times). */
const KEEP_ATTEMPTS = 50;

const ttlFrom = (at: string) => Math.floor(Date.parse(at) / 1000) + KEEP_SECONDS;
const record = (item: Record<string, unknown>) => withoutKeys<WebhookMessageRecord>(item);

/** Runs a conditional update; the item after it, or undefined when the condition failed. */
async function updateReturning(table: Table, input: Omit<ConstructorParameters<typeof UpdateCommand>[0], "TableName">) {
  try {
    const out = await table.doc.send(new UpdateCommand({ TableName: table.name, ReturnValues: "ALL_NEW", ...input }));
    return out.Attributes ? record(out.Attributes) : undefined;
  } catch (error) {
    if ((error as Error).name === "ConditionalCheckFailedException") return undefined;
    throw error;
  }
}

export function makeWebhookOutbox(table: Table): WebhookOutbox {
  const byShard = async (span: (shard: number) => ReturnType<typeof keys.dueWebhooks>, limit: number) => {
    const pages = await Promise.all(
      Array.from({ length: WEBHOOK_SHARDS }, (_, shard) => queryPage(table, span(shard), { Limit: limit })),
    );
    return pages.flatMap((out) => (out.Items ?? []).map(record));
  };
  return {
    put(m) {
      return putIfAbsent(table, {
        ...keys.webhookMessage(m.messageId),
        ...keys.dueWebhookIndex(m.messageId, m.nextAttemptAt ?? m.createdAt),
        ...keys.webhookLogIndex(m.endpointId, m.createdAt, m.messageId),
        entity: "WebhookMessage",
        ...m,
        ttl: ttlFrom(m.createdAt),
      });
    },
    async get(messageId) {
      const out = await table.doc.send(
        new GetCommand({ TableName: table.name, Key: keys.webhookMessage(messageId), ConsistentRead: true }),
      );
      return out.Item ? record(out.Item) : undefined;
    },
    async due(now, limit) {
      const due = await byShard((shard) => keys.dueWebhooks(shard, now), limit);
      return due.sort((a, b) => (a.nextAttemptAt ?? "").localeCompare(b.nextAttemptAt ?? "")).slice(0, limit);
    },
    staleClaims(before, limit) {
      return byShard((shard) => keys.staleWebhookClaims(shard, before), limit);
    },
    claim(m, claimId, now) {
      const index = keys.sendingWebhookIndex(m.messageId, now);
      return updateReturning(table, {
        Key: keys.webhookMessage(m.messageId),
        UpdateExpression: "SET #status = :sending, claimId = :claim, claimedAt = :now, gsi1pk = :gpk, gsi1sk = :gsk",
        ConditionExpression: "#status = :pending AND nextAttemptAt <= :now",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: {
          ":sending": "sending",
          ":pending": "pending",
          ":claim": claimId,
          ":now": now,
          ":gpk": index.gsi1pk,
          ":gsk": index.gsi1sk,
        },
      });
    },
    async settle(m, claimId, s, now) {
      const attempts = s.attempt ? [...m.attempts, s.attempt].slice(-KEEP_ATTEMPTS) : m.attempts;
      const pending = s.status === "pending";
      const due = pending ? keys.dueWebhookIndex(m.messageId, s.nextAttemptAt ?? now) : undefined;
      const set = [
        "#status = :status",
        "round = :round",
        "attempts = :attempts",
        "#ttl = :ttl",
        ...(pending ? ["nextAttemptAt = :next", "gsi1pk = :gpk", "gsi1sk = :gsk"] : []),
        ...(s.status === "delivered" ? ["deliveredAt = :now"] : []),
        ...(s.reason ? ["reason = :reason"] : []),
      ];
      const remove = [...(pending ? [] : ["gsi1pk", "gsi1sk", "nextAttemptAt"]), ...(s.reason ? [] : ["reason"])];
      const done = await updateReturning(table, {
        Key: keys.webhookMessage(m.messageId),
        UpdateExpression: `SET ${set.join(", ")}${remove.length ? ` REMOVE ${remove.join(", ")}` : ""}`,
        ConditionExpression: "#status = :sending AND claimId = :claim",
        ExpressionAttributeNames: { "#status": "status", "#ttl": "ttl" },
        ExpressionAttributeValues: {
          ":status": s.status,
          ":sending": "sending",
          ":claim": claimId,
          ":round": s.round,
          ":attempts": attempts,
          ":ttl": ttlFrom(now),
          ...(pending ? { ":next": s.nextAttemptAt ?? now, ":gpk": due!.gsi1pk, ":gsk": due!.gsi1sk } : {}),
          ...(s.status === "delivered" ? { ":now": now } : {}),
          ...(s.reason ? { ":reason": s.reason } : {}),
        },
      });
      return done !== undefined;
    },
    replay(m, now) {
      const due = keys.dueWebhookIndex(m.messageId, now);
      return updateReturning(table, {
        Key: keys.webhookMessage(m.messageId),
        UpdateExpression:
          "SET #status = :pending, round = :zero, nextAttemptAt = :now, gsi1pk = :gpk, gsi1sk = :gsk, #ttl = :ttl REMOVE reason",
        ConditionExpression: "attribute_exists(pk) AND #status <> :sending",
        ExpressionAttributeNames: { "#status": "status", "#ttl": "ttl" },
        ExpressionAttributeValues: {
          ":pending": "pending",
          ":sending": "sending",
          ":zero": 0,
          ":now": now,
          ":gpk": due.gsi1pk,
          ":gsk": due.gsi1sk,
          ":ttl": ttlFrom(now),
        },
      });
    },
    async log(endpointId, limit, cursor) {
      const prefix = keys.webhookLog(endpointId);
      const out = await table.doc.send(
        new QueryCommand({
          TableName: table.name,
          ...keyCondition(prefix),
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: cursor ? decodeCursor(cursor, prefix.pk) : undefined,
        }),
      );
      const next = out.LastEvaluatedKey
        ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url")
        : undefined;
      return { items: (out.Items ?? []).map(record), ...(next ? { cursor: next } : {}) };
    },
  };
}

/** A cursor is the last key of a page of this endpoint's log; anything else is refused. */
function decodeCursor(cursor: string, gsi2pk: string): Record<string, unknown> {
  let key: Record<string, unknown> | null = null;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString()) as Record<string, unknown>;
  } catch {
    throw new Invalid("The cursor is not valid");
  }
  const names = ["gsi2pk", "gsi2sk", "pk", "sk"];
  const ok =
    key !== null &&
    typeof key === "object" &&
    Object.keys(key).sort().join() === names.join() &&
    names.every((n) => typeof key![n] === "string") &&
    key.gsi2pk === gsi2pk;
  if (!ok) throw new Invalid("The cursor is not valid");
  return key!;
}
