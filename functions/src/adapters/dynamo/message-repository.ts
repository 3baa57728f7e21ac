/**
 * Due messages. Each change of status is one conditional write (with its rule's counter in the same
 * transaction): a message is made once, claimed by one sender, settled once by that sender's claim.
 */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { FollowUpCounts } from "@sonrisa/shared/schemas/follow-ups";
import type { ClaimResult, MessageRecord, MessageRepository } from "../../domain/ports/message-repository.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys, MESSAGE_SHARDS } from "./keys.ts";
import { countOn, createdCounters, putMessage } from "./message-items.ts";
import { queryAll, queryPage } from "./query-all.ts";
import { type TxItem, transact } from "./transact.ts";

const DAY_MS = 86_400_000;

export function makeMessageRepository(table: Table): MessageRepository {
  const get = async (messageId: string) => {
    const out = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: keys.message(messageId), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<MessageRecord>(out.Item) : undefined;
  };
  const counted = (m: MessageRecord, at: string, counters: Parameters<typeof countOn>[3]): TxItem[] =>
    m.ruleId ? [countOn(table, m, at, counters)] : [];

  /** A pending message's move to a final status, with its counter; false when it was no longer pending. */
  async function closePending(
    m: MessageRecord,
    status: "expired" | "cancelled" | "suppressed",
    reason: string,
    now: string,
  ) {
    // Transactions retry while only a concurrent writer (on a counter) got in the way; -1 is committed.
    const failed = await transact(table, [
      {
        Update: {
          TableName: table.name,
          Key: keys.message(m.messageId),
          UpdateExpression: "SET #status = :status, reason = :reason, closedAt = :now REMOVE gsi1pk, gsi1sk",
          ConditionExpression: "#status = :pending",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":status": status, ":reason": reason, ":now": now, ":pending": "pending" },
        },
      },
      ...counted(m, now, { [status]: 1 }),
    ]);
    return failed === -1;
  }

  return {
    async create(m) {
      const items: TxItem[] = [putMessage(table, m), ...counted(m, m.createdAt, createdCounters(m))];
      if (m.contactId) {
        items.push({
          Put: {
            TableName: table.name,
            Item: {
              ...keys.contactMessage(m.contactId, m.messageId),
              entity: "ContactMessage",
              messageId: m.messageId,
            },
          },
        });
      }
      return (await transact(table, items)) === -1;
    },
    get,
    async due(now, limit) {
      const shards = await Promise.all(
        Array.from({ length: MESSAGE_SHARDS }, (_, shard) =>
          queryPage(table, keys.dueMessages(shard, now), { Limit: limit }),
        ),
      );
      return shards
        .flatMap((out) => (out.Items ?? []).map((i) => withoutKeys<MessageRecord>(i)))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .slice(0, limit);
    },
    async staleClaims(before, limit) {
      const shards = await Promise.all(
        Array.from({ length: MESSAGE_SHARDS }, (_, shard) =>
          queryPage(table, keys.staleClaims(shard, before), { Limit: limit }),
        ),
      );
      return shards.flatMap((out) => (out.Items ?? []).map((i) => withoutKeys<MessageRecord>(i)));
    },
    async claim(m, claimId, now): Promise<ClaimResult> {
      const claimIndex = keys.claimedMessageIndex(m.messageId, now);
      const items: TxItem[] = [
        {
          Update: {
            TableName: table.name,
            Key: keys.message(m.messageId),
            UpdateExpression:
              "SET #status = :claimed, claimId = :claim, claimedAt = :now, gsi1pk = :gpk, gsi1sk = :gsk",
            ConditionExpression: "#status = :pending",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":claimed": "claimed",
              ":claim": claimId,
              ":now": now,
              ":pending": "pending",
              ":gpk": claimIndex.gsi1pk,
              ":gsk": claimIndex.gsi1sk,
            },
          },
        },
      ];
      const follow = m.kind === "follow-up" && m.contactId;
      // A card's link goes to a member: the contact's loyalty consent must still be active (no frequency cap).
      const card = m.kind === "card" && m.contactId;
      if (card) {
        items.push({
          ConditionCheck: {
            TableName: table.name,
            Key: keys.contact(m.contactId!),
            ConditionExpression: "loyalty.active = :true",
            ExpressionAttributeValues: { ":true": true },
          },
        });
      }
      if (follow) {
        const cutoff = new Date(Date.parse(now) - (m.capDays ?? 0) * DAY_MS).toISOString();
        const capped = (m.capDays ?? 0) > 0;
        items.push({
          Update: {
            TableName: table.name,
            Key: keys.contact(m.contactId!),
            // Consent must still be active; the frequency cap across rules is noted on the contact at the claim
            // (a retry of the same message is not capped by its own earlier claim).
            UpdateExpression: "SET lastSentAt = :now, lastSentMessage = :id",
            ConditionExpression:
              "consent.active = :true" +
              (capped
                ? " AND (attribute_not_exists(lastSentAt) OR lastSentAt < :cutoff OR lastSentMessage = :id)"
                : ""),
            ExpressionAttributeValues: {
              ":now": now,
              ":id": m.messageId,
              ":true": true,
              ...(capped ? { ":cutoff": cutoff } : {}),
            },
          },
        });
      }
      for (const address of m.to) {
        items.push({
          ConditionCheck: {
            TableName: table.name,
            Key: keys.suppression(address),
            ConditionExpression: "attribute_not_exists(pk)",
          },
        });
      }
      // Three conflicts in a row (a busy contact): leave it pending for the next run.
      const failed = await transact(table, items, 3).catch((error: Error) => {
        if (/met conflicts/.test(error.message)) return 0;
        throw error;
      });
      if (failed === -1) return "claimed";
      if (failed === 0) return "taken"; // another sender, or it is no longer pending
      if (card && failed === 1) {
        await closePending(m, "cancelled", "no consent", now);
        return "no-consent";
      }
      if (follow && failed === 1) {
        const contact = (
          await table.doc.send(
            new GetCommand({ TableName: table.name, Key: keys.contact(m.contactId!), ConsistentRead: true }),
          )
        ).Item;
        const active = (contact?.consent as { active?: boolean } | undefined)?.active === true;
        await closePending(m, active ? "suppressed" : "cancelled", active ? "frequency cap" : "no consent", now);
        return active ? "capped" : "no-consent";
      }
      await closePending(m, "suppressed", "address suppressed (bounce or complaint)", now);
      return "suppressed";
    },
    async settle(m, claimId, outcome, now) {
      const names = { "#status": "status" };
      const base = {
        TableName: table.name,
        Key: keys.message(m.messageId),
        ConditionExpression: "#status = :claimed AND claimId = :claim",
      };
      const values = { ":claimed": "claimed", ":claim": claimId, ":status": outcome.status, ":now": now };
      let update: TxItem;
      if (outcome.status === "pending") {
        const due = keys.dueMessageIndex(m.messageId, outcome.retryAt);
        update = {
          Update: {
            ...base,
            UpdateExpression:
              "SET #status = :status, reason = :reason, dueAt = :due, gsi1pk = :gpk, gsi1sk = :gsk ADD attempts :one REMOVE claimId",
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ...values,
              ":reason": outcome.reason,
              ":due": outcome.retryAt,
              ":gpk": due.gsi1pk,
              ":gsk": due.gsi1sk,
              ":one": 1,
            },
          },
        };
      } else {
        const extra =
          outcome.status === "sent"
            ? outcome.providerId
              ? { ":pid": outcome.providerId }
              : {}
            : { ":reason": outcome.reason };
        const set =
          outcome.status === "sent"
            ? `, sentAt = :now${outcome.providerId ? ", providerId = :pid" : ""}`
            : ", reason = :reason, settledAt = :now";
        update = {
          Update: {
            ...base,
            UpdateExpression: `SET #status = :status${set} ADD attempts :one REMOVE gsi1pk, gsi1sk`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ...values, ...extra, ":one": 1 },
          },
        };
      }
      const items: TxItem[] = [
        update,
        ...(outcome.status === "pending" ? [] : counted(m, now, { [outcome.status]: 1 })),
      ];
      if (m.alertId)
        items.push(alertEmailStatus(table, m.alertId, outcome.status === "pending" ? "retrying" : outcome.status));
      return (await transact(table, items, 25)) === -1;
    },
    close: closePending,
    async markUnknown(m, now) {
      const items: TxItem[] = [
        {
          Update: {
            TableName: table.name,
            Key: keys.message(m.messageId),
            UpdateExpression: "SET #status = :unknown, reason = :reason, settledAt = :now REMOVE gsi1pk, gsi1sk",
            ConditionExpression: "#status = :claimed AND claimId = :claim",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":unknown": "unknown",
              ":reason": "claimed but no outcome recorded (the sender stopped): not resent",
              ":now": now,
              ":claimed": "claimed",
              ":claim": m.claimId ?? "",
            },
          },
        },
        ...counted(m, now, { unknown: 1 }),
      ];
      if (m.alertId) items.push(alertEmailStatus(table, m.alertId, "unknown"));
      return (await transact(table, items)) === -1;
    },
    async click(m, now) {
      const first = await transact(table, [
        {
          Update: {
            TableName: table.name,
            Key: keys.message(m.messageId),
            UpdateExpression: "SET firstClickAt = :now ADD clicks :one",
            ConditionExpression: "attribute_exists(pk) AND attribute_not_exists(firstClickAt)",
            ExpressionAttributeValues: { ":now": now, ":one": 1 },
          },
        },
        ...counted(m, now, { clicks: 1, clicked: 1 }),
      ]);
      if (first === -1) return;
      await transact(table, [
        {
          Update: {
            TableName: table.name,
            Key: keys.message(m.messageId),
            UpdateExpression: "ADD clicks :one",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeValues: { ":one": 1 },
          },
        },
        ...counted(m, now, { clicks: 1 }),
      ]);
    },
    async byRule(ruleId, fromUtc, toUtc, limit, cursor) {
      const out = await queryPage(table, keys.ruleMessages(ruleId, fromUtc, toUtc), {
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: cursor ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined,
      });
      const next = out.LastEvaluatedKey
        ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString("base64url")
        : undefined;
      return { items: (out.Items ?? []).map((i) => withoutKeys<MessageRecord>(i)), ...(next ? { cursor: next } : {}) };
    },
    async counts(ruleIds, from, to) {
      const result = new Map<string, FollowUpCounts>();
      await Promise.all(
        ruleIds.map(async (ruleId) => {
          const days = await queryAll(table, keys.followUpDays(ruleId, from, to));
          const sum: FollowUpCounts = {
            created: 0,
            holdout: 0,
            expired: 0,
            suppressed: 0,
            cancelled: 0,
            sent: 0,
            failed: 0,
            unknown: 0,
            clicks: 0,
            clicked: 0,
          };
          for (const day of days)
            for (const name of Object.keys(sum) as (keyof FollowUpCounts)[]) sum[name] += Number(day[name] ?? 0);
          result.set(ruleId, sum);
        }),
      );
      return result;
    },
    async scrub(messageId, now) {
      await table.doc
        .send(
          new UpdateCommand({
            TableName: table.name,
            Key: keys.message(messageId),
            UpdateExpression:
              "SET #to = :none, #text = :empty, erasedAt = :now REMOVE subject, html, contactId, unsubscribeUrl",
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: { "#to": "to", "#text": "text" },
            ExpressionAttributeValues: { ":none": [], ":empty": "", ":now": now },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== "ConditionalCheckFailedException") throw error;
        });
    },
  };
}

/** The alert's e-mail status, kept beside the alert for the dashboard. */
function alertEmailStatus(table: Table, alertId: string, status: string): TxItem {
  return {
    Update: {
      TableName: table.name,
      Key: keys.alert(alertId),
      UpdateExpression: "SET emailStatus = :s",
      ConditionExpression: "attribute_exists(pk)",
      ExpressionAttributeValues: { ":s": status },
    },
  };
}
