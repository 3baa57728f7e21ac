/** Stored answers for follow-ups, alerts and erasure: by id, by store and tap time, and scrubbing the opt-in. */
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { localParts } from "@sonrisa/shared/time";
import type { AnswerRecord, AnswerRecords } from "../../domain/ports/answer-records.ts";
import type { Table } from "./client.ts";
import { withoutKeys } from "./item-codec.ts";
import { keys } from "./keys.ts";
import { queryAll } from "./query-all.ts";

export function makeAnswerRecords(table: Table): AnswerRecords {
  const raw = async (answerId: string) => {
    const out = await table.doc.send(
      new GetCommand({ TableName: table.name, Key: keys.response(answerId), ConsistentRead: true }),
    );
    return out.Item;
  };
  return {
    async get(answerId) {
      const item = await raw(answerId);
      return item ? withoutKeys<AnswerRecord>(item) : undefined;
    },
    async raw(answerId) {
      const item = await raw(answerId);
      return item ? withoutKeys<Record<string, unknown>>(item) : undefined;
    },
    async window(storeId, fromUtc, toUtc) {
      // Answers are indexed by the store-local month of their tap: a window reads the one or two months it
      // touches (any zone's local month of an instant is its UTC month or a neighbour).
      const months = new Set<string>();
      for (const at of [fromUtc, toUtc]) {
        const t = Date.parse(at);
        for (const shift of [-14, 0, 14])
          months.add(localParts(new Date(t + shift * 3_600_000), "UTC").date.slice(0, 7));
      }
      const pages = await Promise.all(
        [...months].map((m) => queryAll(table, keys.storeAnswers(storeId, m, fromUtc, toUtc))),
      );
      return pages.flat().map((i) => withoutKeys<AnswerRecord>(i));
    },
    async scrub(answerId, at) {
      const item = await raw(answerId);
      // A path under a missing map is invalid in an update: the member's phone only when there is one.
      const memberPhone = Boolean((item?.member as { phone?: string } | undefined)?.phone);
      if (!item || (!item.optIn && !memberPhone)) return;
      const removed = [
        ...(item.optIn ? ["optIn.email", "optIn.phone", "optIn.social"] : []),
        ...(memberPhone ? ["#member.phone"] : []),
      ];
      await table.doc.send(
        new UpdateCommand({
          TableName: table.name,
          Key: keys.response(answerId),
          UpdateExpression: `SET erasedAt = :at REMOVE ${removed.join(", ")}`,
          ...(memberPhone ? { ExpressionAttributeNames: { "#member": "member" } } : {}),
          ExpressionAttributeValues: { ":at": at },
        }),
      );
    },
  };
}
