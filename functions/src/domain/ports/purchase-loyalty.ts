/**
 * The seam between purchases and the loyalty programme: the member a purchase names, and the stamp a member's
 * purchase earns (adapters/purchase-loyalty.ts, by the rules of domain/purchase-stamps.ts).
 */
import type { PurchaseRequest, PurchaseStamp } from "@sonrisa/shared/schemas/integrations";

export interface MemberMatch {
  memberId: string;
  /** the contact the member is, when the programme knows it (members are contacts) */
  contactId?: string;
}

export interface PurchaseLoyalty {
  /** The member a purchase names (by code or phone, the phone in E.164), or undefined. */
  identifyMember(member: NonNullable<PurchaseRequest["member"]>, storeId: string): Promise<MemberMatch | undefined>;
  /**
   * The stamp the programme gives a member's purchase, or null. Called for the first post of a purchase and again
   * for each retry, so it must be idempotent by `purchaseId` and answer the same stamp every time.
   */
  stampForPurchase(purchase: {
    purchaseId: string;
    memberId: string;
    storeId: string;
    localDate: string;
    amount: number;
    currency: string;
    at: string;
  }): Promise<PurchaseStamp | null>;
}
