/**
 * Every key of the single table, in one place: the key of each item, and a named helper per access
 * pattern that reads a range or a partition. No other file builds a key or a key prefix.
 *
 * Hot partitions at 10,000 stores: answers are keyed by their own id (uniform spread);
 * per-store items live in per-store partitions; the only cross-store partition is the
 * all-store results index (gsi1 `ORGMONTH#<month>#<shard>`), spread over ORG_SHARDS shards
 * by a hash of the store id, so each shard takes 1/ORG_SHARDS of the organisation's writes.
 */

/** Number of shards of the cross-store day index; a 30-day read costs 2 months × ORG_SHARDS queries. */
export const ORG_SHARDS = 8;

/** A key range to query: one partition, sort keys `from`..`to` inclusive, on the table or an index. */
export interface KeySpan {
  index?: "gsi1" | "gsi2";
  pk: string;
  from: string;
  to: string;
}

/** A partition and a sort-key prefix to query. */
export interface KeyPrefix {
  index?: "gsi1" | "gsi2";
  pk: string;
  prefix: string;
}

/** Sorts after every character used in keys: the inclusive end of "everything starting with". */
const END = "~";

const DAY = "DAY#";
const MONTH = "MONTH#";
const STOCK = "STOCK#";

export const keys = {
  /** Store profile by id; gsi1 lists every store (`STORES`, by id). */
  store: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "PROFILE" }),
  storeIndex: (storeId: string) => ({ gsi1pk: "STORES", gsi1sk: storeId }),
  /** Access pattern: every store, by id. */
  allStores: (): KeyPrefix => ({ index: "gsi1", pk: "STORES", prefix: "" }),

  /** User (admin, marketing) by e-mail, for sign-in. */
  user: (email: string) => ({ pk: `USER#${email.toLowerCase()}`, sk: "PROFILE" }),

  /** Staff PIN sign-in failures of one store, for the lock-out. */
  pinGuard: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "PINGUARD" }),

  /** One-time pairing code; deleted (conditionally) when used; TTL removes stale ones. */
  pairing: (code: string) => ({ pk: `PAIRING#${code}`, sk: "PAIRING" }),

  /** Device of a store; listed per store by sk prefix. */
  device: (storeId: string, deviceId: string) => ({ pk: `STORE#${storeId}`, sk: `DEVICE#${deviceId}` }),

  /** An answer, keyed by the kiosk's id so a retry can never make a second copy. */
  response: (id: string) => ({ pk: `RESPONSE#${id}`, sk: "RESPONSE" }),
  /** gsi1: answers of a store by local month, ordered by time (CSV export). */
  responseByStore: (storeId: string, month: string, atUtc: string, id: string) => ({
    gsi1pk: `STORE#${storeId}#RESP#${month}`,
    gsi1sk: `${atUtc}#${id}`,
  }),
  /** Access pattern: a store's answers of one local month between two instants (UTC ISO), oldest first. */
  storeAnswers: (storeId: string, month: string, fromUtc: string, toUtc: string): KeySpan => ({
    index: "gsi1",
    pk: `STORE#${storeId}#RESP#${month}`,
    from: fromUtc,
    to: `${toUtc}${END}`,
  }),
  /** gsi2 (sparse, only answers with a comment): comments of a store, newest first. */
  commentByStore: (storeId: string, atUtc: string, id: string) => ({
    gsi2pk: `STORE#${storeId}#COMMENTS`,
    gsi2sk: `${atUtc}#${id}`,
  }),
  /** Access pattern: a store's comments between two instants (UTC ISO). */
  storeComments: (storeId: string, fromUtc: string, toUtc: string): KeySpan => ({
    index: "gsi2",
    pk: `STORE#${storeId}#COMMENTS`,
    from: fromUtc,
    to: `${toUtc}${END}`,
  }),

  /**
   * The full key of a comment from its index sort key (`<atUtc>#<answer id>`), for a page cursor; undefined
   * when the sort key is not one a comment of the store could have.
   */
  commentCursor: (storeId: string, gsi2sk: string) => {
    const match =
      /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
        gsi2sk,
      );
    if (!match) return undefined;
    const [, atUtc, id] = match as unknown as [string, string, string];
    return { ...keys.response(id), ...keys.commentByStore(storeId, atUtc, id) };
  },

  /** Per-store, per-local-day aggregate: counts, hours, reasons, opt-ins, gifts. Range-read per store. */
  storeDay: (storeId: string, date: string) => ({ pk: `AGG#${storeId}`, sk: `${DAY}${date}` }),
  /** Access pattern: a store's day items over local dates `from`..`to`. */
  storeDays: (storeId: string, from: string, to: string): KeySpan => ({
    pk: `AGG#${storeId}`,
    from: `${DAY}${from}`,
    to: `${DAY}${to}`,
  }),
  /** Access pattern: all of a store's day items, oldest first (its first day). */
  allStoreDays: (storeId: string): KeyPrefix => ({ pk: `AGG#${storeId}`, prefix: DAY }),
  /** The local date of a day item's sort key. */
  dateOfDaySk: (sk: string) => sk.slice(DAY.length),

  /** Per-store roll-up of a sealed local month (fixed size); range-read per store beside its day items. */
  storeMonth: (storeId: string, month: string) => ({ pk: `AGG#${storeId}`, sk: `${MONTH}${month}` }),
  /** Access pattern: a store's month roll-ups over `from`..`to` (YYYY-MM). */
  storeMonths: (storeId: string, from: string, to: string): KeySpan => ({
    pk: `AGG#${storeId}`,
    from: `${MONTH}${from}`,
    to: `${MONTH}${to}`,
  }),
  /** Access pattern: every month roll-up of a store. */
  allStoreMonths: (storeId: string): KeyPrefix => ({ pk: `AGG#${storeId}`, prefix: MONTH }),
  /** The month (YYYY-MM) of a roll-up's sort key. */
  monthOfMonthSk: (sk: string) => sk.slice(MONTH.length),

  /** gsi1: the same day items across stores, by local month and shard (all-store results). */
  storeDayIndex: (storeId: string, date: string) => ({
    gsi1pk: orgMonthShard(date.slice(0, 7), shardOf(storeId)),
    gsi1sk: `${date}#${storeId}`,
  }),
  /** Access pattern: one shard of every store's day items of a local month, over dates `from`..`to`. */
  orgDays: (month: string, shard: number, from: string, to: string): KeySpan => ({
    index: "gsi1",
    pk: orgMonthShard(month, shard),
    from: `${from}#`,
    to: `${to}#${END}`,
  }),

  /** Where a scheduled job that works in pages left off (its next run resumes there). */
  jobState: (job: string) => ({ pk: "JOB", sk: `JOB#${job}` }),

  /** The full key of a store's profile from its id, to resume a list of stores after it. */
  storeCursor: (storeId: string) => ({ ...keys.store(storeId), ...keys.storeIndex(storeId) }),

  /** Organisation-wide surprise rules (one small item). */
  surpriseRules: () => ({ pk: "ORG", sk: "SURPRISE_RULES" }),
  /** Wins of a rule in a store on a local day (the daily budget). */
  budget: (storeId: string, ruleId: string, date: string) => ({
    pk: `STORE#${storeId}`,
    sk: `BUDGET#${ruleId}#${date}`,
  }),
  /** Qualifying answers seen by an every-Nth rule in a store. */
  nthCounter: (storeId: string, ruleId: string) => ({ pk: `STORE#${storeId}`, sk: `NTH#${ruleId}` }),
  /** Gift stock item of a store. */
  stock: (storeId: string, item: string) => ({ pk: `STORE#${storeId}`, sk: `${STOCK}${item}` }),
  /** Access pattern: every stock item of a store. */
  storeStock: (storeId: string): KeyPrefix => ({ pk: `STORE#${storeId}`, prefix: STOCK }),
  /** A gift (won or spontaneous), unique per store, local day and code; pending ones listed newest first. */
  gift: (storeId: string, date: string, code: string) => ({ pk: `GIFTS#${storeId}`, sk: `${date}#${code}` }),
  /** gsi2 (sparse, only while pending): a store's pending surprise gifts by expiry, for the expiry job. */
  pendingGift: (storeId: string, expiresAt: string, code: string) => ({
    gsi2pk: `PENDING#${storeId}`,
    gsi2sk: `${expiresAt}#${code}`,
  }),
  /** Access pattern: a store's pending gifts that expired by `nowUtc`, soonest first. */
  expiredPendingGifts: (storeId: string, nowUtc: string): KeySpan => ({
    index: "gsi2",
    pk: `PENDING#${storeId}`,
    from: "0",
    to: `${nowUtc}#${END}`,
  }),
  /** The key of a gift from its sort key (`<date>#<code>`), for a page cursor; undefined when it is not one. */
  giftCursor: (storeId: string, sk: string) =>
    /^\d{4}-\d\d-\d\d#[A-Z0-9]{6}$/.test(sk) ? keys.gift(storeId, sk.slice(0, 10), sk.slice(11)) : undefined,
  /** Access pattern: a store's gifts of local days `from`..`to`. */
  storeGifts: (storeId: string, from: string, to: string): KeySpan => ({
    pk: `GIFTS#${storeId}`,
    from: `${from}#`,
    to: `${to}#${END}`,
  }),

  /** The item /v1/health reads: it need not exist, the read only proves the table answers. */
  health: () => ({ pk: "HEALTH", sk: "HEALTH" }),
} as const;

function orgMonthShard(month: string, shard: number): string {
  return `ORGMONTH#${month}#${shard}`;
}

/** FNV-1a of the store id, modulo ORG_SHARDS. */
export function shardOf(storeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < storeId.length; i++) {
    h ^= storeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ORG_SHARDS;
}
