/**
 * Every key of the single table, in one place. One comment per access pattern.
 *
 * Hot partitions at 10,000 stores: answers are keyed by their own id (uniform spread);
 * per-store items live in per-store partitions; the only cross-store partition is the
 * all-store results index (gsi1 `ORGMONTH#<month>#<shard>`), spread over ORG_SHARDS shards
 * by a hash of the store id, so each shard takes 1/ORG_SHARDS of the organisation's writes.
 */

/** Number of shards of the cross-store day index; a 30-day read costs 2 months × ORG_SHARDS queries. */
export const ORG_SHARDS = 8;

export const keys = {
  /** Store profile by id; gsi1 lists every store (`STORES`, by id). */
  store: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "PROFILE" }),
  storeIndex: (storeId: string) => ({ gsi1pk: "STORES", gsi1sk: storeId }),

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
  /** gsi2 (sparse, only answers with a comment): comments of a store, newest first. */
  commentByStore: (storeId: string, atUtc: string, id: string) => ({
    gsi2pk: `STORE#${storeId}#COMMENTS`,
    gsi2sk: `${atUtc}#${id}`,
  }),

  /** Per-store, per-local-day aggregate: counts, hours, reasons, opt-ins, gifts. Range-read per store. */
  storeDay: (storeId: string, date: string) => ({ pk: `AGG#${storeId}`, sk: `DAY#${date}` }),
  /** Per-store roll-up of a sealed local month (fixed size); range-read per store beside its day items. */
  storeMonth: (storeId: string, month: string) => ({ pk: `AGG#${storeId}`, sk: `MONTH#${month}` }),
  /** gsi1: the same day items across stores, by local month and shard (all-store results). */
  storeDayIndex: (storeId: string, date: string) => ({
    gsi1pk: `ORGMONTH#${date.slice(0, 7)}#${shardOf(storeId)}`,
    gsi1sk: `${date}#${storeId}`,
  }),

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
  stock: (storeId: string, item: string) => ({ pk: `STORE#${storeId}`, sk: `STOCK#${item}` }),
  /** A gift (won or spontaneous), unique per store, local day and code; pending ones listed newest first. */
  gift: (storeId: string, date: string, code: string) => ({ pk: `GIFTS#${storeId}`, sk: `${date}#${code}` }),
} as const;

/** FNV-1a of the store id, modulo ORG_SHARDS. */
export function shardOf(storeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < storeId.length; i++) {
    h ^= storeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ORG_SHARDS;
}
