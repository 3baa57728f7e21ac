/** A store's configuration, and the subset a paired kiosk receives. */
import { z } from "zod";
import { Lang, Localized, Slug, StoreId } from "./common.ts";
import { KioskLoyalty } from "./loyalty.ts";

export const Reason = z.strictObject({ id: Slug, label: Localized });
export type Reason = z.infer<typeof Reason>;

export const StoreSettings = z.strictObject({
  name: z.string().min(1).max(80),
  timeZone: z.string().refine(isTimeZone, "an IANA time zone such as Europe/Madrid"),
  languages: z.array(Lang).min(1),
  defaultLang: Lang,
  question: Localized,
  scale: z.union([z.literal(4), z.literal(5)]),
  reasons: z.strictObject({
    positive: z.array(Reason).max(12),
    neutral: z.array(Reason).max(12),
    negative: z.array(Reason).max(12),
  }),
  optIn: z.strictObject({
    enabled: z.boolean(),
    prompt: Localized,
    networks: z.array(z.enum(["instagram", "tiktok", "facebook", "x"])),
  }),
  consent: z.strictObject({ version: z.string().min(1).max(40), text: Localized }),
  idleTimeoutSec: z.number().int().min(5).max(300),
  misuseIntervalSec: z.number().int().min(0).max(120),
});
export type StoreSettings = z.infer<typeof StoreSettings>;

/** What GET /v1/kiosk/config returns to a paired device. */
export const KioskConfig = StoreSettings.extend({
  storeId: StoreId,
  deviceId: z.string(),
  /** the loyalty programme's joining consent and tiers, while it is enabled */
  loyalty: KioskLoyalty.optional(),
});
export type KioskConfig = z.infer<typeof KioskConfig>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** A store as GET /v1/stores lists it: its settings and id, never its PIN hash. */
export const Store = StoreSettings.extend({ storeId: StoreId });
export type Store = z.infer<typeof Store>;

/** GET /v1/stores */
export const StoreList = z.strictObject({ stores: z.array(Store) });
export type StoreList = z.infer<typeof StoreList>;
