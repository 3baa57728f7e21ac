/** Alerts for store managers (negative spikes, low stock) and each store's alert settings. */
import { z } from "zod";
import { Slug, StoreId } from "./common.ts";
import { Email } from "./contact.ts";

/** GET/PUT /v1/stores/{storeId}/alert-settings; absent settings read as these defaults. */
export const AlertSettings = z.strictObject({
  negativeSpike: z.strictObject({
    enabled: z.boolean(),
    /** the sliding window, in minutes */
    windowMinutes: z.number().int().min(5).max(240),
    /** answers (misuse left out) the window needs before a share counts */
    minAnswers: z.number().int().min(1).max(1000),
    /** share of answers scored 1–2, in percent */
    negativePercent: z.number().min(1).max(100),
  }),
  lowStock: z.strictObject({ enabled: z.boolean() }),
  /** who gets alerts besides the store's managers */
  addresses: z.array(Email).max(10),
});
export type AlertSettings = z.infer<typeof AlertSettings>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  negativeSpike: { enabled: true, windowMinutes: 15, minAnswers: 4, negativePercent: 50 },
  lowStock: { enabled: true },
  addresses: [],
};

export const Alert = z.strictObject({
  alertId: z.string(),
  storeId: StoreId,
  kind: z.enum(["negative-spike", "low-stock"]),
  at: z.string(),
  /** negative spike: the window (UTC instants), its answers and negative ones, the top reasons and comments */
  window: z.strictObject({ from: z.string(), to: z.string() }).optional(),
  answers: z.number().int().optional(),
  negative: z.number().int().optional(),
  reasons: z.array(z.strictObject({ id: z.string(), count: z.number().int() })).optional(),
  comments: z.array(z.string()).optional(),
  /** low stock: the item and what was left */
  item: z
    .strictObject({ item: Slug, name: z.string(), available: z.number().int(), lowAt: z.number().int() })
    .optional(),
  /** who was e-mailed (count only) and how the e-mail went */
  recipients: z.number().int(),
  emailStatus: z.string().optional(),
  status: z.enum(["open", "acknowledged"]),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
  note: z.string().optional(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertsQuery = z.strictObject({
  storeId: StoreId.optional(),
  status: z.enum(["open", "acknowledged", "all"]).optional(),
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

export const AlertList = z.strictObject({ alerts: z.array(Alert) });
export type AlertList = z.infer<typeof AlertList>;

export const AcknowledgeAlert = z.strictObject({ note: z.string().trim().max(500).optional() });
export type AcknowledgeAlert = z.infer<typeof AcknowledgeAlert>;
