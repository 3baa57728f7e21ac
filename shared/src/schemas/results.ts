/** Per-store and all-store results, read from aggregates. */
import { z } from "zod";
import { DateRangeQuery, Lang, StoreId } from "./common.ts";

export const ScoreCounts = z.strictObject({
  "1": z.number().int(),
  "2": z.number().int(),
  "3": z.number().int(),
  "4": z.number().int(),
  "5": z.number().int(),
});
export type ScoreCounts = z.infer<typeof ScoreCounts>;

export const SeriesPoint = z.strictObject({
  date: z.string(),
  total: z.number().int(),
  counts: ScoreCounts,
  csat: z.number().nullable(),
  index: z.number().nullable(),
});

/** heatmap[weekday 0=Monday][hour 0–23] */
export const HeatCell = z.strictObject({ total: z.number().int(), positive: z.number().int() });

/** Loyalty in a store over a period: members identified at the kiosk, joined, returning, stamps, rewards. */
export const MemberCounts = z.strictObject({
  /** members identified at the kiosk (one a member a day) */
  identified: z.number().int(),
  /** members who joined at this store */
  joined: z.number().int(),
  /** identified members who had an identified visit to this store on an earlier day */
  returning: z.number().int(),
  stamps: z.number().int(),
  redeemed: z.number().int(),
});
export type MemberCounts = z.infer<typeof MemberCounts>;

export const StoreResults = z.strictObject({
  storeId: StoreId,
  name: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  counts: ScoreCounts,
  csat: z.number().nullable(),
  index: z.number().nullable(),
  misuse: z.number().int(),
  daily: z.array(SeriesPoint),
  weekly: z.array(SeriesPoint),
  heatmap: z.array(z.array(HeatCell)),
  reasons: z.array(z.strictObject({ id: z.string(), count: z.number().int() })),
  optIns: z.number().int(),
  gifts: z.strictObject({ won: z.number().int(), handed: z.number().int(), spontaneous: z.number().int() }),
  holdout: z.strictObject({ holdout: z.number().int(), treatment: z.number().int() }),
  members: MemberCounts,
  /** purchases posted by integrations (POST /v1/purchases), on their store-local day; amounts in minor units */
  purchases: z.strictObject({
    count: z.number().int(),
    revenue: z.array(z.strictObject({ currency: z.string(), count: z.number().int(), amount: z.number().int() })),
  }),
});
export type StoreResults = z.infer<typeof StoreResults>;

export const StoreSummary = z.strictObject({
  storeId: StoreId,
  name: z.string(),
  /** The store's own dates: without `from`/`to` in the query, each store's range ends on its own today. */
  from: z.string().optional(),
  to: z.string().optional(),
  total: z.number().int(),
  counts: ScoreCounts,
  csat: z.number().nullable(),
  index: z.number().nullable(),
  misuse: z.number().int(),
  rankScore: z.number(),
  /** null for a store without answers in the range: it is listed after every ranked store. */
  rank: z.number().int().nullable(),
});
export const AllResults = z.strictObject({
  /** The dates read: with no dates in the query, from the earliest store's `from` to the latest store's `to`. */
  from: z.string(),
  to: z.string(),
  method: z.string(),
  stores: z.array(StoreSummary),
});
export type AllResults = z.infer<typeof AllResults>;

export const ResultsQuery = DateRangeQuery.extend({
  includeMisuse: z.enum(["true", "false"]).optional(),
});
export type ResultsQuery = z.infer<typeof ResultsQuery>;

/** GET /v1/stores/{storeId}/comments: a page of comments, newest first. */
export const CommentsQuery = DateRangeQuery.extend({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CommentsQuery = z.infer<typeof CommentsQuery>;

export const Comment = z.strictObject({
  id: z.string(),
  at: z.string(),
  localDate: z.string(),
  score: z.number().int(),
  comment: z.string(),
  lang: Lang.optional(),
  reasons: z.array(z.string()),
  misuse: z.boolean(),
});
export type Comment = z.infer<typeof Comment>;

export const CommentsPage = z.strictObject({
  storeId: StoreId,
  from: z.string(),
  to: z.string(),
  comments: z.array(Comment),
  /** The next page's cursor; null on the last page. */
  cursor: z.string().nullable(),
});
export type CommentsPage = z.infer<typeof CommentsPage>;

/** GET /v1/export/responses.csv: personal columns only for an admin who asks. */
export const ExportQuery = DateRangeQuery.extend({
  storeId: StoreId.optional(),
  personal: z.enum(["true", "false"]).optional(),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** GET /v1/stores/{storeId}/today: the staff console's numbers of the store-local day. */
export const StoreToday = z.strictObject({
  storeId: StoreId,
  name: z.string(),
  date: z.string(),
  total: z.number().int(),
  csat: z.number().nullable(),
  index: z.number().nullable(),
  optIns: z.number().int(),
  gifts: z.strictObject({ won: z.number().int(), handed: z.number().int(), spontaneous: z.number().int() }),
  pendingGifts: z.number().int(),
  members: MemberCounts,
});
export type StoreToday = z.infer<typeof StoreToday>;
