/**
 * Purchases in the loyalty programme: the member a point of sale names (by card code, or by phone through the
 * contact it identifies) and the stamp a member's purchase earns while the programme is on and says purchases
 * earn stamps. The stamp is the member's ledger entry keyed by the purchase, put only if absent, so a retried
 * purchase finds the stamp it earned and answers it again.
 */
import type { PurchaseStamp } from "@sonrisa/shared/schemas/integrations";
import { loyaltyCounters } from "./day-aggregate.ts";
import { reachableMember } from "./members.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { LoyaltyProgramRepository } from "./ports/loyalty-program-repository.ts";
import type { MemberLedger, MemberRepository } from "./ports/member-repository.ts";
import type { MemberMatch } from "./ports/purchase-loyalty.ts";

export interface PurchaseStampDeps {
  members: MemberRepository;
  contacts: Pick<ContactRepository, "byIdentity" | "get">;
  program: Pick<LoyaltyProgramRepository, "get">;
}

/** A purchase of a member, as the purchases use case knows it once stored. */
export interface MemberPurchase {
  purchaseId: string;
  memberId: string;
  storeId: string;
  localDate: string;
  at: string;
}

/** The member a purchase names (a phone in E.164), while its contact keeps the loyalty consent; else undefined. */
export async function memberOfPurchase(
  deps: PurchaseStampDeps,
  who: { code?: string; phone?: string },
): Promise<MemberMatch | undefined> {
  const ledger = who.code
    ? await reachableMember(deps, { code: who.code })
    : who.phone
      ? await reachableMember(deps, { phone: who.phone })
      : undefined;
  return ledger ? { memberId: ledger.profile.memberId, contactId: ledger.profile.contactId } : undefined;
}

/**
 * The purchase's stamp: the one it earned already, else a new one while the programme is enabled and purchases
 * earn stamps (one per purchase, with the store's day counter), else null. Safe to call for every retry.
 */
export async function stampPurchase(deps: PurchaseStampDeps, p: MemberPurchase): Promise<PurchaseStamp | null> {
  const ledger = await deps.members.ledger(p.memberId);
  if (!ledger) return null; // erased since
  const earned = stampOf(ledger, p);
  if (earned) return earned;
  const state = await deps.program.get();
  if (!state?.program.enabled || !state.program.purchaseEarnsStamp) return null;
  await deps.members.addStamp(
    p.memberId,
    {
      reason: "purchase",
      key: p.purchaseId,
      purchaseId: p.purchaseId,
      storeId: p.storeId,
      localDate: p.localDate,
      at: p.at,
    },
    { storeId: p.storeId, date: p.localDate, counters: loyaltyCounters.stamp() },
  );
  // Written now or by a concurrent retry: either way the ledger holds it.
  const after = await deps.members.ledger(p.memberId);
  return after ? stampOf(after, p) : null;
}

function stampOf(ledger: MemberLedger, p: MemberPurchase): PurchaseStamp | null {
  const stamp = ledger.stamps.find((s) => s.reason === "purchase" && s.purchaseId === p.purchaseId);
  return stamp ? { stampId: stamp.stampId, memberId: p.memberId } : null;
}
