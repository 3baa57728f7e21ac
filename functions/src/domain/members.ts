/**
 * Members at the counter: staff look one up by phone, member code or the card's QR code, add a stamp for a
 * purchase with a reason, and redeem a reward with the card's rotating code. Staff see stamps and rewards, never
 * who the person is. Unknown phones and codes, and wrong rotating codes, are throttled (throttle.ts).
 */

import { fromBase64Url, matchingStep } from "@sonrisa/shared/otp";
import type {
  AddStampRequest,
  AddStampResponse,
  LoyaltyProgram,
  MemberLookupQuery,
  MemberView,
  RedeemRequest,
  RedeemResponse,
} from "@sonrisa/shared/schemas/loyalty";
import { localParts } from "@sonrisa/shared/time";
import { normalisePhone } from "./contact-identity.ts";
import { loyaltyCounters } from "./day-aggregate.ts";
import { Conflict, NotFound } from "./errors.ts";
import { activeProgram } from "./loyalty-program.ts";
import type { AuditLog } from "./ports/audit-log.ts";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { Ids } from "./ports/ids.ts";
import type { LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { MemberLedger, MemberRepository, RewardRecord } from "./ports/member-repository.ts";
import type { Principal } from "./ports/principal.ts";
import type { StoreRecord, StoreRepository } from "./ports/store-repository.ts";
import type { ThrottleRepository } from "./ports/throttle-repository.ts";
import { memberView, pickStamps } from "./stamp-ledger.ts";
import { requireStore } from "./stores.ts";
import { type Bucket, claim, fail, MEMBER_GUESS, REDEEM_CLIENT, REDEEM_MEMBER, settle } from "./throttle.ts";

export interface MemberDeps {
  members: MemberRepository;
  contacts: Pick<ContactRepository, "byIdentity" | "get">;
  program: LoyaltyProgramRepository;
  stores: StoreRepository;
  throttles: ThrottleRepository;
  clock: Clock;
  ids: Ids;
  log: AuditLog;
}

const NOT_FOUND = "No member with that phone or code";
const MAX_ATTEMPTS = 6;

/** A member the programme may reach: the contact behind it still has loyalty consent. */
export async function resolveMember(
  deps: Pick<MemberDeps, "members" | "contacts">,
  store: Pick<StoreRecord, "timeZone">,
  who: { phone?: string; code?: string },
): Promise<MemberLedger | undefined> {
  if (who.code) return reachableMember(deps, { code: who.code });
  if (who.phone) return reachableMember(deps, { phone: normalisePhone(who.phone, store.timeZone) });
  return undefined;
}

/** {@link resolveMember} for a phone already in E.164 (or a code). */
export async function reachableMember(
  deps: Pick<MemberDeps, "members" | "contacts">,
  who: { phone: string } | { code: string },
): Promise<MemberLedger | undefined> {
  if ("phone" in who) {
    const contactId = await deps.contacts.byIdentity({ kind: "phone", value: who.phone });
    if (!contactId) return undefined;
    const contact = await deps.contacts.get(contactId);
    if (!contact?.memberId || !contact.loyalty?.active) return undefined;
    return deps.members.ledger(contact.memberId);
  }
  const memberId = await deps.members.idByCode(who.code);
  if (!memberId) return undefined;
  const ledger = await deps.members.ledger(memberId);
  if (!ledger) return undefined;
  const contact = await deps.contacts.get(ledger.profile.contactId);
  return contact?.loyalty?.active ? ledger : undefined;
}

async function requireProgram(deps: Pick<MemberDeps, "program">): Promise<LoyaltyProgram> {
  const program = await activeProgram(deps);
  if (!program) throw new Conflict("The loyalty programme is not enabled", "loyalty_disabled");
  return program;
}

/** The client's and the staff session's guess buckets for looking members up at a store. */
function guessBuckets(storeId: string, client: string): Bucket[] {
  return [{ key: `member-guess-client:${storeId}:${client}`, policy: MEMBER_GUESS }];
}

/** Finds a member for staff, throttling unknown phones and codes per client. */
async function findForStaff(
  deps: MemberDeps,
  store: StoreRecord,
  client: string,
  who: { phone?: string; code?: string },
): Promise<MemberLedger> {
  const buckets = guessBuckets(store.storeId, client);
  const claimedAt = await claim(deps, buckets, "Too many unknown members: try again later");
  const ledger = await resolveMember(deps, store, who);
  if (!ledger) {
    await fail(deps, claimedAt, buckets);
    throw new NotFound(NOT_FOUND);
  }
  await settle(deps, claimedAt, [], buckets);
  return ledger;
}

/** GET /v1/stores/{storeId}/members?phone|code */
export async function lookupMember(
  deps: MemberDeps,
  storeId: string | undefined,
  client: string,
  query: MemberLookupQuery,
): Promise<{ member: MemberView }> {
  const store = await requireStore(deps.stores, storeId);
  const program = await requireProgram(deps);
  const ledger = await findForStaff(deps, store, client, query);
  return { member: memberView(ledger, program, deps.clock.now()) };
}

/** POST /v1/stores/{storeId}/stamps: a stamp for a purchase, with the staff's reason; a retried key adds nothing. */
export async function addStaffStamp(
  deps: MemberDeps,
  storeId: string | undefined,
  auth: Principal,
  client: string,
  body: AddStampRequest,
): Promise<AddStampResponse> {
  const store = await requireStore(deps.stores, storeId);
  const program = await requireProgram(deps);
  const ledger = await findForStaff(deps, store, client, { code: body.code });
  const now = deps.clock.now();
  const date = localParts(now, store.timeZone).date;
  const added = await deps.members.addStamp(
    ledger.profile.memberId,
    {
      reason: "staff",
      key: body.key,
      storeId: store.storeId,
      localDate: date,
      at: now.toISOString(),
      note: body.reason,
      by: auth.staffId ? `${auth.sub}/${auth.staffId}` : auth.sub,
    },
    { storeId: store.storeId, date, counters: loyaltyCounters.stamp() },
  );
  const after = (await deps.members.ledger(ledger.profile.memberId)) ?? ledger;
  return { added, member: memberView(after, program, now) };
}

/**
 * POST /v1/stores/{storeId}/redemptions: checks the card's rotating code, issues the tier's reward (locking the
 * oldest stamps to spend) unless one is issued already, then redeems it in one transaction with the code's step
 * and the gift's stock. The same `key` again answers the same redemption; a second redemption is a 409.
 */
export async function redeemReward(
  deps: MemberDeps,
  storeId: string | undefined,
  auth: Principal,
  client: string,
  body: RedeemRequest,
): Promise<RedeemResponse> {
  const store = await requireStore(deps.stores, storeId);
  const program = await requireProgram(deps);
  const tier = program.tiers.find((t) => t.stamps === body.stamps);
  if (!tier) throw new NotFound(`The programme has no reward of ${body.stamps} stamps`);
  const found = await findForStaff(deps, store, client, { code: body.code });
  const memberId = found.profile.memberId;
  const buckets: Bucket[] = [
    { key: `redeem-member:${memberId}`, policy: REDEEM_MEMBER },
    { key: `redeem-client:${store.storeId}:${client}`, policy: REDEEM_CLIENT },
  ];
  const claimedAt = await claim(deps, buckets, "Too many wrong card codes: try again later");
  try {
    const result = await redeemChecked(deps, store, auth, body, memberId, tier, program);
    await settle(deps, claimedAt, buckets.slice(0, 1), buckets.slice(1));
    return result;
  } catch (error) {
    if (error instanceof Conflict && (error.code === "wrong_code" || error.code === "code_used")) {
      await fail(deps, claimedAt, buckets);
    } else {
      await settle(deps, claimedAt, [], buckets);
    }
    throw error;
  }
}

async function redeemChecked(
  deps: MemberDeps,
  store: StoreRecord,
  auth: Principal,
  body: RedeemRequest,
  memberId: string,
  tier: LoyaltyProgram["tiers"][number],
  program: LoyaltyProgram,
): Promise<RedeemResponse> {
  const now = deps.clock.now();
  const date = localParts(now, store.timeZone).date;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const ledger = await deps.members.ledger(memberId);
    if (!ledger) throw new NotFound(NOT_FOUND);
    const done = ledger.rewards.find((r) => r.key === body.key && r.status === "redeemed");
    if (done) return redeemed(ledger, done, program, now);
    const step = await matchingStep(fromBase64Url(ledger.profile.secret), body.otp, now.getTime());
    if (step === undefined) {
      throw new Conflict(
        "The card's code is wrong or older than 3 minutes: ask for the code on the card now",
        "wrong_code",
      );
    }
    if (ledger.profile.otpStep !== undefined && step <= ledger.profile.otpStep) {
      throw new Conflict("This card code was used already: ask for the next one", "code_used");
    }
    let reward = ledger.rewards.find((r) => r.status === "issued" && r.stamps === tier.stamps);
    if (!reward) {
      const stampIds = pickStamps(ledger, program, now, tier.stamps);
      if (!stampIds)
        throw new Conflict(`The member has fewer than ${tier.stamps} stamps to spend`, "not_enough_stamps");
      const issued: RewardRecord = {
        rewardId: deps.ids.uuid(),
        stamps: tier.stamps,
        gift: tier.gift.name,
        ...(tier.gift.stockItem ? { stockItem: tier.gift.stockItem } : {}),
        stampIds,
        status: "issued",
        issuedAt: now.toISOString(),
        storeId: store.storeId,
      };
      if (!(await deps.members.issue(memberId, issued, ledger.profile.rewardsVersion))) continue;
      reward = issued;
    }
    const by = auth.staffId ? `${auth.sub}/${auth.staffId}` : auth.sub;
    const outcome = await deps.members.redeem(
      memberId,
      reward,
      { at: now.toISOString(), storeId: store.storeId, by, key: body.key, step },
      { storeId: store.storeId, date, counters: loyaltyCounters.redeemed() },
    );
    if (outcome === "redeemed") {
      const after = (await deps.members.ledger(memberId)) ?? ledger;
      return redeemed(after, { ...reward, status: "redeemed", redeemedAt: now.toISOString() }, program, now, store);
    }
    if (outcome === "code-used")
      throw new Conflict("This card code was used already: ask for the next one", "code_used");
    if (outcome === "out-of-stock") {
      // The stamps go back to the member: the reward waits for stock another day.
      const current = await deps.members.ledger(memberId);
      if (current)
        await deps.members.cancel(memberId, reward.rewardId, now.toISOString(), current.profile.rewardsVersion);
      throw new Conflict(`No ${reward.stockItem} left in stock`, "out_of_stock");
    }
    // Not issued any more: another request redeemed or cancelled it; read again.
  }
  throw new Conflict("This reward was redeemed already", "already_redeemed");
}

function redeemed(
  ledger: MemberLedger,
  reward: RewardRecord,
  program: LoyaltyProgram,
  now: Date,
  store?: StoreRecord,
): RedeemResponse {
  return {
    redemption: {
      rewardId: reward.rewardId,
      stamps: reward.stamps,
      gift: reward.gift,
      status: "redeemed",
      redeemedAt: reward.redeemedAt ?? now.toISOString(),
      storeId: reward.redeemedStore ?? store?.storeId ?? reward.storeId,
    },
    member: memberView(ledger, program, now),
  };
}
