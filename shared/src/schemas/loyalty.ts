/**
 * The loyalty programme (tiers, stamp expiry, the joining consent), members as staff and their card see them,
 * staff stamps and redemptions. A member is a contact with a `loyalty` consent grant and a member code; nothing
 * here names the person (no name, e-mail or phone): staff and the kiosk see stamps and rewards only.
 */
import { z } from "zod";
import { FreeText, Localized, Slug, StoreId } from "./common.ts";
import { Phone } from "./contact.ts";

/** Member codes: 8 characters without look-alikes (0/O, 1/I/L), printed on the card and in its QR code. */
export const MEMBER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const MEMBER_CODE_LENGTH = 8;
export const MemberCode = z
  .string()
  .transform((s) => s.trim().toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{4,16}$/, "a member code is 4 to 16 letters and digits"));

/** The card's rotating code: 6 digits, a new one every 60 s, accepted for 3 minutes and once. */
export const RedemptionCode = z.string().regex(/^\d{6}$/, "the card's code is 6 digits");

export const LoyaltyTier = z.strictObject({
  /** Stamps the reward costs; a reward of 0 stamps would be free for anyone */
  stamps: z.number().int().min(1, "a reward costs at least 1 stamp").max(100),
  gift: z.strictObject({ name: Localized, stockItem: Slug.optional() }),
});
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

/** The consent text a shopper agrees to when joining: versioned, and hashed into each grant. */
export const LoyaltyConsent = z.strictObject({ version: z.string().min(1).max(40), text: Localized });
export type LoyaltyConsent = z.infer<typeof LoyaltyConsent>;

/** PUT /v1/loyalty-program: the whole programme, validated as a whole. */
export const LoyaltyProgram = z
  .strictObject({
    enabled: z.boolean(),
    tiers: z.array(LoyaltyTier).min(1).max(10),
    /** stamps expire this many months after they were given, oldest first */
    expiryMonths: z.number().int().min(1).max(60),
    consent: LoyaltyConsent,
    /** whether a purchase reported by the purchases API earns a stamp */
    purchaseEarnsStamp: z.boolean(),
  })
  .superRefine((p, ctx) => {
    p.tiers.forEach((tier, i) => {
      const before = p.tiers[i - 1];
      if (before && tier.stamps <= before.stamps) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "stamps"],
          message: "tiers go in ascending order of stamps, each more than the one before",
        });
      }
    });
  });
export type LoyaltyProgram = z.infer<typeof LoyaltyProgram>;

/** One change of the programme: who saved it, when, the whole programme before (null: none) and after. */
export const LoyaltyRevision = z.strictObject({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  before: LoyaltyProgram.nullable(),
  after: LoyaltyProgram,
});
export type LoyaltyRevision = z.infer<typeof LoyaltyRevision>;

/** GET and PUT /v1/loyalty-program: the programme (a disabled default until saved) and its last revisions. */
export const LoyaltyProgramView = z.strictObject({
  program: LoyaltyProgram,
  saved: z.boolean(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
  revisions: z.array(LoyaltyRevision),
});
export type LoyaltyProgramView = z.infer<typeof LoyaltyProgramView>;

/** What a kiosk needs of the programme (in GET /v1/kiosk/config), absent while it is disabled. */
export const KioskLoyalty = z.strictObject({
  consent: LoyaltyConsent,
  tiers: z.array(LoyaltyTier),
});
export type KioskLoyalty = z.infer<typeof KioskLoyalty>;

/** What an identified answer tells the kiosk: the stamp and the count, nothing about the person. */
export const MemberResult = z.strictObject({
  status: z.enum(["stamped", "already", "unknown"]),
  stamps: z.number().int().optional(),
  of: z.number().int().optional(),
});
export type MemberResult = z.infer<typeof MemberResult>;

export const StampReason = z.enum(["visit", "purchase", "staff", "join"]);

/** A line of a member's history: a stamp given, or a reward and its state. */
export const MemberEvent = z.strictObject({
  kind: z.enum(["stamp", "reward"]),
  at: z.string(),
  storeId: StoreId,
  /** stamps: why; rewards: issued, redeemed or cancelled */
  reason: StampReason.optional(),
  note: z.string().optional(),
  status: z.enum(["issued", "redeemed", "cancelled"]).optional(),
  stamps: z.number().int().optional(),
  gift: Localized.optional(),
  /** a stamp that has expired */
  expired: z.boolean().optional(),
});
export type MemberEvent = z.infer<typeof MemberEvent>;

export const ReadyReward = z.strictObject({
  stamps: z.number().int(),
  gift: Localized,
  /** an issued reward waiting to be redeemed (its stamps are locked) */
  rewardId: z.string().optional(),
});
export type ReadyReward = z.infer<typeof ReadyReward>;

/** A member as staff and the card see them: no name, e-mail or phone. */
export const MemberView = z.strictObject({
  code: z.string(),
  /** stamps to spend now (not expired, not locked by a reward) */
  stamps: z.number().int(),
  /** stamps of the next tier above the balance (or the top tier's) */
  of: z.number().int(),
  rewardsReady: z.array(ReadyReward),
  /** when the oldest stamps to spend expire, and how many */
  expiring: z.strictObject({ at: z.string(), stamps: z.number().int() }).optional(),
  history: z.array(MemberEvent),
});
export type MemberView = z.infer<typeof MemberView>;

/** GET /v1/stores/{storeId}/members?phone=…|code=… (exactly one) */
export const MemberLookupQuery = z
  .strictObject({ phone: z.optional(Phone), code: MemberCode.optional() })
  .refine((q) => Boolean(q.phone) !== Boolean(q.code), "look a member up by phone or by code");
export type MemberLookupQuery = z.infer<typeof MemberLookupQuery>;

export const MemberLookup = z.strictObject({ member: MemberView });
export type MemberLookup = z.infer<typeof MemberLookup>;

/** POST /v1/stores/{storeId}/stamps: a stamp for a purchase, with a reason; `key` makes a retry add nothing. */
export const AddStampRequest = z.strictObject({
  code: MemberCode,
  reason: FreeText(200)
    .transform((text) => text.trim())
    .pipe(z.string().min(1, "say why the stamp is given")),
  key: z.uuid(),
});
export type AddStampRequest = z.infer<typeof AddStampRequest>;

export const AddStampResponse = z.strictObject({ added: z.boolean(), member: MemberView });
export type AddStampResponse = z.infer<typeof AddStampResponse>;

/**
 * POST /v1/stores/{storeId}/redemptions: redeems the reward of a tier (`stamps`) with the card's rotating code;
 * `key` makes it idempotent (the same key again answers the same redemption).
 */
export const RedeemRequest = z.strictObject({
  code: MemberCode,
  stamps: z.number().int().min(1).max(100),
  otp: RedemptionCode,
  key: z.uuid(),
});
export type RedeemRequest = z.infer<typeof RedeemRequest>;

export const Redemption = z.strictObject({
  rewardId: z.string(),
  stamps: z.number().int(),
  gift: Localized,
  status: z.literal("redeemed"),
  redeemedAt: z.string(),
  storeId: StoreId,
});
export type Redemption = z.infer<typeof Redemption>;

export const RedeemResponse = z.strictObject({ redemption: Redemption, member: MemberView });
export type RedeemResponse = z.infer<typeof RedeemResponse>;

/** GET /v1/cards/{token}: the member's card page (anyone with the link). `secret` makes the rotating code. */
export const CardView = z.strictObject({
  member: MemberView,
  storeName: z.string(),
  lang: z.enum(["es", "en"]),
  tiers: z.array(LoyaltyTier),
  /** base64url of the per-member secret the rotating code is made from (RFC 6238, SHA-1, 60 s, 6 digits) */
  secret: z.string(),
  period: z.literal(60),
  digits: z.literal(6),
  /** the server's clock, so a card whose phone's clock is off still shows a code that works */
  serverTime: z.string(),
});
export type CardView = z.infer<typeof CardView>;
