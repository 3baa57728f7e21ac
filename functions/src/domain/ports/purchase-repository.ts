/**
 * Purchases posted by integrations, one item per store and external id, counted in the store's day aggregate
 * in the same transaction. The effect report reads a person's purchases over a window with `byPerson`.
 */
import type { Counters } from "../day-aggregate.ts";

export interface PurchaseRecord {
  purchaseId: string;
  externalId: string;
  storeId: string;
  /** as the point of sale sent it, offset included */
  at: string;
  atUtc: string;
  localDate: string;
  /** minor units of `currency` */
  amount: number;
  currency: string;
  identified: "member" | "contact" | null;
  /** the contact the buyer is (members are contacts), absent for an anonymous purchase */
  personId?: string;
  memberId?: string;
  /** the key that posted it */
  keyId: string;
  /** SHA-256 of the request as parsed, so a different body under the same external id is a conflict */
  bodyHash: string;
  receivedAt: string;
}

export interface PurchaseRepository {
  /** The purchase under this store and external id, read consistently. */
  get(storeId: string, externalId: string): Promise<PurchaseRecord | undefined>;
  /**
   * Stores the purchase and adds `counters` to its store-local day, both or neither; false when a purchase with
   * its store and external id exists already. `endedMonth`: the ended month the purchase lands in, whose roll-up
   * it makes stale (its revision goes up in the same transaction).
   */
  create(purchase: PurchaseRecord, counters: Counters, endedMonth?: string): Promise<boolean>;
  /** A person's purchases between two UTC instants (inclusive), oldest first: for the effect report. */
  byPerson(personId: string, fromUtc: string, toUtc: string): Promise<PurchaseRecord[]>;
}
