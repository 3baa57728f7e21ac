/** The items of a message's life: the message with its index keys, its link on the contact, its rule's counters. */
import type { MessageRecord } from "../../domain/ports/message-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import type { TxItem } from "./transact.ts";

/** Counter names on a rule's day item. */
export type CounterName =
  | "created"
  | "holdout"
  | "expired"
  | "suppressed"
  | "cancelled"
  | "sent"
  | "failed"
  | "unknown"
  | "clicks"
  | "clicked";

/** The message item as first written: pending ones indexed by due time, follow-ups by rule. */
export function messageItem(m: MessageRecord): Record<string, unknown> {
  return {
    ...keys.message(m.messageId),
    ...(m.status === "pending" ? keys.dueMessageIndex(m.messageId, m.dueAt) : {}),
    ...(m.ruleId ? keys.ruleMessageIndex(m.ruleId, m.createdAt, m.messageId) : {}),
    entity: "Message",
    ...m,
  };
}

/** Puts a new message only if its id is new. */
export function putMessage(table: Table, m: MessageRecord): TxItem {
  return { Put: { TableName: table.name, Item: messageItem(m), ConditionExpression: "attribute_not_exists(pk)" } };
}

/** Adds to a follow-up rule's counters of the UTC day of `at` (on the message's shard of them). */
export function countOn(
  table: Table,
  m: { ruleId?: string; messageId: string },
  at: string,
  counters: Partial<Record<CounterName, number>>,
): TxItem {
  const ruleId = m.ruleId ?? "";
  const names = Object.keys(counters);
  return {
    Update: {
      TableName: table.name,
      Key: keys.followUpDay(ruleId, at.slice(0, 10), m.messageId),
      UpdateExpression: `SET entity = :entity, ruleId = :rule ADD ${names.map((_n, i) => `#c${i} :c${i}`).join(", ")}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#c${i}`, n])),
      ExpressionAttributeValues: {
        ":entity": "FollowUpDay",
        ":rule": ruleId,
        ...Object.fromEntries(names.map((n, i) => [`:c${i}`, counters[n as CounterName]])),
      },
    },
  };
}

/** The counter a message's first status adds to. */
export function createdCounters(m: MessageRecord): Partial<Record<CounterName, number>> {
  if (m.status === "holdout") return { holdout: 1 };
  if (m.status === "expired") return { expired: 1 };
  if (m.status === "suppressed") return { suppressed: 1 };
  return { created: 1 };
}
