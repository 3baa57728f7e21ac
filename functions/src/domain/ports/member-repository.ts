/**
 * Members of the loyalty programme: a profile (the contact it belongs to, its code, its card's secret), an
 * append-only ledger of stamps with their reasons, and rewards (issued with the stamps they lock, then redeemed
 * or cancelled). Nothing here holds personal data: the contact does.
 */
import type { Localized } from "@sonrisa/shared/schemas/common";
import type { Counters } from "../day-aggregate.ts";

export interface MemberProfile {
  memberId: string;
  contactId: string;
  code: string;
  /** base64url of the secret the card's rotating code is made from */
  secret: string;
  joinedAt: string;
  joinedStore: string;
  lang: "es" | "en";
  /** the step of the last rotating code used: a code of that step or an older one is refused */
  otpStep?: number;
  /** bumped by every reward issued or cancelled, so two issues never lock the same stamps */
  rewardsVersion: number;
}

export type StampReason = "visit" | "join" | "staff" | "purchase";

export interface StampRecord {
  /** the ledger entry's own id (its sort key's tail) */
  stampId: string;
  reason: StampReason;
  storeId: string;
  /** store-local date the stamp counts on */
  localDate: string;
  /** when it was earned (a visit: the tap) */
  at: string;
  note?: string;
  by?: string;
  /** the answer of a visit or join, so erasure finds the answers that name the member */
  answerId?: string;
  /** the purchase of a purchase stamp, so a retried purchase finds the stamp it earned */
  purchaseId?: string;
}

export interface RewardRecord {
  rewardId: string;
  /** the tier: stamps it costs */
  stamps: number;
  gift: Localized;
  stockItem?: string;
  /** the stamps it locks, oldest first */
  stampIds: string[];
  status: "issued" | "redeemed" | "cancelled";
  issuedAt: string;
  storeId: string;
  redeemedAt?: string;
  redeemedStore?: string;
  redeemedBy?: string;
  /** the redemption's idempotency key */
  key?: string;
  cancelledAt?: string;
}

/** A stamp to append: a visit or join stamp is keyed by member, store and day; others by their request's key. */
export type NewStamp = Omit<StampRecord, "stampId"> & { key?: string };

export interface MemberLedger {
  profile: MemberProfile;
  stamps: StampRecord[];
  rewards: RewardRecord[];
}

/** Counters to add to a store's day aggregate in the same transaction. */
export interface DayCounts {
  storeId: string;
  date: string;
  counters: Counters;
}

export type RedeemOutcome = "redeemed" | "not-issued" | "code-used" | "out-of-stock";

export interface MemberRepository {
  idByCode(code: string): Promise<string | undefined>;
  /** The member's whole card, read consistently; undefined for an unknown (or erased) member. */
  ledger(memberId: string): Promise<MemberLedger | undefined>;
  /**
   * Makes the member of a contact, in one transaction: the profile, its code, the contact's link to it, the
   * joining visit's stamp and the day's counters. `exists`: the contact is a member already (a redelivery);
   * `code-taken`: another member has the code (try another).
   */
  create(profile: MemberProfile, join: NewStamp, day: DayCounts): Promise<"created" | "exists" | "code-taken">;
  /** Appends a stamp (visit or keyed) unless one with its key exists, with the day's counters; false when it did. */
  addStamp(memberId: string, stamp: NewStamp, day: DayCounts): Promise<boolean>;
  /** Issues a reward if the member's rewards are still at `expectedVersion`; false when another change got in. */
  issue(memberId: string, reward: RewardRecord, expectedVersion: number): Promise<boolean>;
  /**
   * Redeems an issued reward, in one transaction: the reward `issued` → `redeemed`, the rotating code's step
   * recorded (only if later than the last one used), the gift's stock taken, the day's counter.
   */
  redeem(
    memberId: string,
    reward: RewardRecord,
    redemption: { at: string; storeId: string; by: string; key: string; step: number },
    day: DayCounts,
  ): Promise<RedeemOutcome>;
  /** Cancels an issued reward (its stamps return); false when it was no longer issued. */
  cancel(memberId: string, rewardId: string, at: string, expectedVersion: number): Promise<boolean>;
  /** Erasure: the profile (with its secret, so the card stops working) and the code go; stamps stay, anonymous. */
  erase(memberId: string): Promise<void>;
}
