/**
 * The purchase side of loyalty, for the purchases use case: finds the member a point of sale names and gives a
 * member's purchase its stamp, composing the member, contact and programme repositories through the domain's
 * rules in domain/purchase-stamps.ts (is the programme on, do purchases earn, which stamp is the purchase's).
 */
import type { PurchaseLoyalty } from "../domain/ports/purchase-loyalty.ts";
import { memberOfPurchase, type PurchaseStampDeps, stampPurchase } from "../domain/purchase-stamps.ts";

export function makePurchaseLoyalty(deps: PurchaseStampDeps): PurchaseLoyalty {
  return {
    identifyMember: (member) => memberOfPurchase(deps, member),
    stampForPurchase: ({ purchaseId, memberId, storeId, localDate, at }) =>
      stampPurchase(deps, { purchaseId, memberId, storeId, localDate, at }),
  };
}
