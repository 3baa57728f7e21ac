/**
 * The items of one answer chunk's transaction: each answer (under its own id, only if new), the merged
 * counters of each local day, a revision of each ended month a late answer lands in (its roll-up is then
 * redone), the claims on budget, every-Nth counters, stock and gift codes, each conditioned on the value
 * read, so two writers can never both spend the same budget or stock, the visit stamps identified members
 * claim (each only if absent: one per member, store and local day), and the device's update, conditioned
 * on the last-answer time the burst check used.
 */
import { endOfLocalDay } from "@sonrisa/shared/time";
import { addCounters, type Counters } from "../../domain/day-aggregate.ts";
import type { DeviceTouch, PlannedAnswer } from "../../domain/ports/answer-writer.ts";
import type { StoreRecord } from "../../domain/ports/store-repository.ts";
import type { SurpriseDecision } from "../../domain/surprises.ts";
import type { assignWins, RuleState, StockState } from "../../domain/win-assignment.ts";
import type { Table } from "./client.ts";
import { dayCounterUpdate } from "./day-counters.ts";
import { keys } from "./keys.ts";
import { stampPut } from "./stamp-items.ts";
import type { TxItem } from "./transact.ts";

export type Wins = ReturnType<typeof assignWins>;

/** Budget items outlive their day long enough for audits. */
const BUDGET_KEEP_DAYS = 90;
/** Gifts are kept for the history of a store's hand-overs. */
const GIFT_KEEP_DAYS = 400;

/** DynamoDB's limit of actions in one transaction. */
export const MAX_TRANSACTION_ACTIONS = 100;

export interface ChunkTransaction {
  items: TxItem[];
  /** Index of the device's update among `items`, when there is one. */
  deviceIndex?: number;
  /** The visit stamps among `items`: their index, and the id of the answer that claims each. */
  stamps: Map<number, string>;
}

/**
 * Answers first (their index in the transaction is their index in `pending`), then visit stamps, aggregates,
 * claims and gifts, the device last. With `device`, its last-answer time becomes `device.next`.
 */
export function chunkTransaction(
  table: Table,
  store: StoreRecord,
  pending: PlannedAnswer[],
  wins: Wins,
  state: RuleState[],
  today: string,
  device?: DeviceTouch & { next?: string },
): ChunkTransaction {
  const items: TxItem[] = pending.map((a) => ({
    Put: {
      TableName: table.name,
      Item: answerItem(a, withGift(a, wins.decisions.get(a.item.id))),
      ConditionExpression: "attribute_not_exists(pk)",
    },
  }));
  const stamps = new Map<number, string>();
  for (const a of pending) {
    if (!a.member?.visit) continue;
    stamps.set(items.length, a.item.id);
    items.push(visitStamp(table, a, a.member.memberId));
  }
  const days = new Map<string, Counters>();
  for (const a of pending) {
    const counters = addCounters(days.get(a.localDate) ?? {}, a.counters);
    if (a.member?.visit) addCounters(counters, a.member.visit.counters);
    if (wins.decisions.get(a.item.id)?.outcome === "won") addCounters(counters, { gw: 1 });
    days.set(a.localDate, counters);
  }
  for (const [date, counters] of days) items.push(dayCounterUpdate(table, store.storeId, date, counters));
  // A month that has ended may have a roll-up: a late answer in it makes that roll-up stale.
  const ended = new Set([...days.keys()].map((d) => d.slice(0, 7)).filter((m) => m < today.slice(0, 7)));
  for (const month of ended) items.push(monthRevision(table, store.storeId, month));
  for (const s of state) items.push(...claims(table, store.storeId, s, wins, today));
  for (const stock of new Set(state.flatMap((s) => (s.stock ? [s.stock] : [])))) {
    const won = wins.wonByStock.get(stock.item) ?? 0;
    if (won > 0) items.push(stockClaim(table, store.storeId, stock, won));
  }
  const expiresAt = endOfLocalDay(today, store.timeZone).toISOString();
  for (const a of pending) {
    const win = wins.decisions.get(a.item.id);
    if (win?.outcome === "won" && win.code) items.push(giftItem(table, store, a, win.code, today, expiresAt));
  }
  if (!device) return { items, stamps };
  items.push(deviceUpdate(table, store.storeId, device));
  return { items, deviceIndex: items.length - 1, stamps };
}

/** The member's stamp for the answer's visit: store and local day of the tap, so a late sync lands on its day. */
function visitStamp(table: Table, a: PlannedAnswer, memberId: string): TxItem {
  return stampPut(table, memberId, {
    reason: "visit",
    storeId: a.storeId,
    localDate: a.localDate,
    at: a.atUtc,
    answerId: a.item.id,
  });
}

/**
 * The device seen now, with what it reports, and its last-answer time moved to `next`, only while it is
 * still the one the burst check read (and the device is still paired and not revoked: a revocation stops the
 * next batch at once, whatever few-second copy of the device the function holds).
 */
function deviceUpdate(table: Table, storeId: string, device: DeviceTouch & { next?: string }): TxItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ":seen": device.seenAt };
  const set = ["lastSeenAt = :seen"];
  if (device.status) {
    names["#status"] = "status";
    values[":status"] = device.status;
    set.push("#status = :status");
  }
  if (device.next !== undefined) {
    values[":next"] = device.next;
    set.push("lastAnswerAt = :next");
  }
  let condition = "attribute_exists(pk) AND attribute_not_exists(revokedAt) AND attribute_not_exists(lastAnswerAt)";
  if (device.lastAnswerAt !== undefined) {
    values[":read"] = device.lastAnswerAt;
    condition = "attribute_exists(pk) AND attribute_not_exists(revokedAt) AND lastAnswerAt = :read";
  }
  return {
    Update: {
      TableName: table.name,
      Key: keys.device(storeId, device.deviceId),
      UpdateExpression: `SET ${set.join(", ")}`,
      ConditionExpression: condition,
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  };
}

/** Counts a change to an ended month's day items, so its roll-up (written at an older revision) is redone. */
export function monthRevision(table: Table, storeId: string, month: string): TxItem {
  return {
    Update: {
      TableName: table.name,
      Key: keys.storeMonth(storeId, month),
      UpdateExpression: "SET entity = :entity, storeId = :store, #month = :month ADD rev :one",
      ExpressionAttributeNames: { "#month": "month" },
      ExpressionAttributeValues: { ":entity": "StoreMonth", ":store": storeId, ":month": month, ":one": 1 },
    },
  };
}

function withGift(a: PlannedAnswer, win: SurpriseDecision | undefined) {
  return win?.outcome === "won" ? { ...win, gift: a.surprise!.rule.gift.name } : win;
}

function answerItem(a: PlannedAnswer, win: (SurpriseDecision & { gift?: unknown }) | undefined) {
  const { item } = a;
  return {
    ...keys.response(item.id),
    ...keys.responseByStore(a.storeId, a.localDate.slice(0, 7), a.atUtc, item.id),
    ...(item.comment?.trim() ? keys.commentByStore(a.storeId, a.atUtc, item.id) : {}),
    entity: "Response",
    ...item,
    // The phone or code an answer was identified with is not kept: the member it named is (or nobody).
    member: undefined,
    memberId: a.member?.memberId,
    storeId: a.storeId,
    deviceId: a.deviceId,
    atUtc: a.atUtc,
    receivedAt: a.receivedAt,
    localDate: a.localDate,
    localHour: a.localHour,
    misuse: a.misuse || undefined,
    surprise: win,
  };
}

function giftItem(table: Table, store: StoreRecord, a: PlannedAnswer, code: string, today: string, expiresAt: string) {
  const rule = a.surprise!.rule;
  return {
    Put: {
      TableName: table.name,
      Item: {
        ...keys.gift(store.storeId, today, code),
        ...keys.pendingGift(store.storeId, expiresAt, code),
        entity: "Gift",
        code,
        storeId: store.storeId,
        ruleId: rule.id,
        gift: rule.gift.name,
        stockItem: rule.gift.stockItem,
        status: "pending",
        kind: "surprise",
        wonAt: a.receivedAt,
        wonAtDate: today,
        expiresAt,
        responseId: a.item.id,
        ttl: epochSeconds(expiresAt) + GIFT_KEEP_DAYS * 86400,
      },
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}

/** Conditional claims of a rule on the values read: its every-Nth count and its budget for today. */
function claims(table: Table, storeId: string, s: RuleState, wins: Wins, today: string): TxItem[] {
  const won = wins.wonByRule.get(s.rule.id) ?? 0;
  const out: TxItem[] = [];
  const nthSeen = wins.nthSeenByRule.get(s.rule.id) ?? 0;
  if (s.nthCount !== undefined && nthSeen > 0) {
    out.push({
      Update: {
        TableName: table.name,
        Key: keys.nthCounter(storeId, s.rule.id),
        UpdateExpression: "SET #count = :next, entity = :entity",
        ConditionExpression: "attribute_not_exists(#count) OR #count = :seen",
        ExpressionAttributeNames: { "#count": "count" },
        ExpressionAttributeValues: { ":next": s.nthCount + nthSeen, ":seen": s.nthCount, ":entity": "NthCounter" },
      },
    });
  }
  if (won === 0) return out;
  out.push({
    Update: {
      TableName: table.name,
      Key: keys.budget(storeId, s.rule.id, today),
      UpdateExpression: "SET used = :next, entity = :entity, #ttl = :ttl",
      ConditionExpression: "attribute_not_exists(used) OR used = :seen",
      ExpressionAttributeNames: { "#ttl": "ttl" },
      ExpressionAttributeValues: {
        ":next": s.used + won,
        ":seen": s.used,
        ":entity": "Budget",
        ":ttl": epochSeconds(`${today}T00:00:00Z`) + BUDGET_KEEP_DAYS * 86400,
      },
    },
  });
  return out;
}

/** Reserves `won` items for the winners, on the values read. */
function stockClaim(table: Table, storeId: string, stock: StockState, won: number): TxItem {
  return {
    Update: {
      TableName: table.name,
      Key: keys.stock(storeId, stock.item),
      UpdateExpression: "SET reserved = :next",
      ConditionExpression: "reserved = :seen AND quantity = :qty",
      ExpressionAttributeValues: { ":next": stock.reserved + won, ":seen": stock.reserved, ":qty": stock.quantity },
    },
  };
}

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
