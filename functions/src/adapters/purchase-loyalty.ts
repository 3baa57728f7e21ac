/**
 * The purchase side of loyalty until the programme exists: no member is known and no stamp is given. The loyalty
 * work replaces this adapter in wiring.ts with one that finds members and stamps their purchases.
 */
import type { PurchaseLoyalty } from "../domain/ports/purchase-loyalty.ts";

export const noPurchaseLoyalty: PurchaseLoyalty = {
  identifyMember: async () => undefined,
  stampForPurchase: async () => null,
};
