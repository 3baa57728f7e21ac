/** Per-store and all-store results, read from aggregates. */
import { z } from "zod";
import { StoreId } from "./common.ts";

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
});
export type StoreResults = z.infer<typeof StoreResults>;

export const StoreSummary = z.strictObject({
  storeId: StoreId,
  name: z.string(),
  total: z.number().int(),
  counts: ScoreCounts,
  csat: z.number().nullable(),
  index: z.number().nullable(),
  misuse: z.number().int(),
  rankScore: z.number(),
  rank: z.number().int(),
});
export const AllResults = z.strictObject({
  from: z.string(),
  to: z.string(),
  method: z.string(),
  stores: z.array(StoreSummary),
});
export type AllResults = z.infer<typeof AllResults>;

export const ResultsQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  includeMisuse: z.enum(["true", "false"]).optional(),
});
