/** Surprise-gift rules, pending gifts and hand-overs. */
import { z } from "zod";
import { FreeText, Localized, Slug, StoreId } from "./common.ts";

const RuleBase = z.strictObject({
  id: Slug,
  name: FreeText(80, 1),
  enabled: z.boolean(),
  stores: z.union([z.literal("all"), z.array(StoreId).min(1)]),
  minScore: z.number().int().min(1).max(5),
  maxScore: z.number().int().min(1).max(5),
  requireOptIn: z.boolean(),
  requireMember: z.boolean(),
  probability: z.number().min(0).max(1).optional(),
  everyNth: z.number().int().min(1).max(100000).optional(),
  dailyBudget: z.number().int().min(0).max(100000),
  holdoutPercent: z.number().min(0).max(50),
  gift: z.strictObject({ name: Localized, stockItem: Slug.optional() }),
});

export const SurpriseRule = RuleBase.refine((r) => r.minScore <= r.maxScore, {
  message: "minScore must not exceed maxScore",
  path: ["minScore"],
}).refine((r) => (r.probability === undefined) !== (r.everyNth === undefined), {
  message: "a rule picks winners by either probability or everyNth",
  path: ["probability"],
});
export type SurpriseRule = z.infer<typeof SurpriseRule>;

export const SurpriseRules = z
  .strictObject({ rules: z.array(SurpriseRule).max(50) })
  .refine((b) => new Set(b.rules.map((r) => r.id)).size === b.rules.length, {
    message: "rule ids must be unique",
    path: ["rules"],
  });
export type SurpriseRules = z.infer<typeof SurpriseRules>;

/** One change of the rules: who saved it, when, and the whole list before and after. */
export const RuleRevision = z.strictObject({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  before: z.array(SurpriseRule),
  after: z.array(SurpriseRule),
});
export type RuleRevision = z.infer<typeof RuleRevision>;

/** GET /v1/surprise-rules/revisions?limit&cursor */
export const RuleRevisionsQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,500}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
export type RuleRevisionsQuery = z.infer<typeof RuleRevisionsQuery>;

/** Newest first; `cursor` is the next page's, null on the last. */
export const RuleRevisionList = z.strictObject({ revisions: z.array(RuleRevision), cursor: z.string().nullable() });
export type RuleRevisionList = z.infer<typeof RuleRevisionList>;

/** Codes avoid look-alikes (0/O, 1/I/L). */
export const GIFT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const GiftCode = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-HJKMNP-Z2-9]{6}$/, "a gift code is 6 letters and digits"));

export const Gift = z.strictObject({
  code: z.string(),
  storeId: StoreId,
  ruleId: z.string().optional(),
  gift: Localized,
  status: z.enum(["pending", "handed", "expired"]),
  kind: z.enum(["surprise", "spontaneous"]),
  wonAt: z.string(),
  expiresAt: z.string(),
  responseId: z.string().optional(),
  /** store-local day the gift belongs to (its code is unique within that day) */
  date: z.string(),
  stockItem: z.string().optional(),
  handedAt: z.string().optional(),
  handedBy: z.string().optional(),
  /** The named staff member who handed it over, when one was signed in. */
  handedByStaff: z.strictObject({ staffId: z.string(), name: z.string() }).optional(),
  reason: z.string().optional(),
});
export type Gift = z.infer<typeof Gift>;

export const GiftListQuery = z.strictObject({
  status: z.enum(["pending", "handed", "all"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional(),
});

export const HandOverRequest = z.union([
  z.strictObject({ kind: z.literal("surprise"), code: GiftCode, staffName: FreeText(60, 1).optional() }),
  z.strictObject({
    kind: z.literal("spontaneous"),
    gift: FreeText(80, 1),
    stockItem: Slug.optional(),
    reason: FreeText(200, 1),
    responseId: z.uuid().optional(),
    staffName: FreeText(60, 1).optional(),
  }),
]);
export type HandOverRequest = z.infer<typeof HandOverRequest>;

export const StockItem = z.strictObject({
  item: Slug,
  name: z.string().min(1).max(80),
  quantity: z.number().int().min(0),
  reserved: z.number().int().min(0),
  lowAt: z.number().int().min(0),
  /** what one unit costs the chain, in its currency's major units (the effect report's gift cost) */
  unitCost: z.number().min(0).max(1_000_000).optional(),
});
export type StockItem = z.infer<typeof StockItem>;

export const PutStockRequest = z.strictObject({
  items: z
    .array(
      z.strictObject({
        item: Slug,
        name: FreeText(80, 1),
        quantity: z.number().int().min(0),
        lowAt: z.number().int().min(0),
        /** kept as it was when left out */
        unitCost: z.number().min(0).max(1_000_000).optional(),
      }),
    )
    .max(100),
});
export type PutStockRequest = z.infer<typeof PutStockRequest>;

/** Stock as staff see it: what is free after reservations for pending surprises, and whether it runs low. */
export const StockRow = StockItem.extend({ available: z.number().int(), low: z.boolean() });
export type StockRow = z.infer<typeof StockRow>;

/** GET and PUT /v1/stores/{storeId}/stock */
export const StockList = z.strictObject({ items: z.array(StockRow) });
export type StockList = z.infer<typeof StockList>;

/** GET /v1/stores/{storeId}/gifts: a page; `cursor` (null on the last page) fetches the next one. */
export const GiftList = z.strictObject({ gifts: z.array(Gift), cursor: z.string().nullable().optional() });
export type GiftList = z.infer<typeof GiftList>;

/** POST /v1/stores/{storeId}/gifts */
export const HandOverResponse = z.strictObject({ gift: Gift });
export type HandOverResponse = z.infer<typeof HandOverResponse>;
