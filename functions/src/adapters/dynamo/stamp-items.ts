/**
 * The one put of a stamp in a member's ledger, shared by the member repository (joining, staff stamps) and the
 * answer writer (a visit identified at the kiosk): a visit or join stamp is keyed by member, store and local day,
 * any other by its request's key, and each is written only if absent, so none is ever given twice.
 */
import type { NewStamp } from "../../domain/ports/member-repository.ts";
import type { Table } from "./client.ts";
import { keys } from "./keys.ts";
import type { TxItem } from "./transact.ts";

export function stampPut(table: Table, memberId: string, stamp: NewStamp): TxItem {
  const { key: requestKey, ...record } = stamp;
  const key =
    stamp.reason === "visit" || stamp.reason === "join"
      ? keys.visitStamp(memberId, stamp.storeId, stamp.localDate)
      : keys.keyedStamp(memberId, stamp.reason, requestKey ?? "");
  return {
    Put: {
      TableName: table.name,
      Item: { ...key, entity: "Stamp", memberId, ...record },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}
