/** A shopper's answer as the kiosk sends it, and the per-item results of ingestion. */
import { z } from "zod";
import { FreeText, Lang, Localized } from "./common.ts";
import { OptIn, Phone } from "./contact.ts";

export const Score = z.number().int().min(1).max(5);

// The kiosk checks opt-ins too, so these live in contact.ts (zod/mini); the server parses with the same objects.
export { Consent, Email, OptIn, Phone, SocialHandle } from "./contact.ts";

export const Member = z
  .strictObject({
    phone: z.optional(Phone),
    code: z
      .string()
      .regex(/^[A-Z0-9]{4,16}$/)
      .optional(),
  })
  .refine((m) => Boolean(m.phone) !== Boolean(m.code), "a member is identified by a phone or a code");

export const ResponseItem = z.strictObject({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  score: Score,
  reasons: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/))
    .max(5)
    .optional(),
  /** Control and bidi characters are stripped (common.ts FreeText), so a comment cannot reorder the dashboard. */
  comment: FreeText(500).optional(),
  lang: Lang.optional(),
  optIn: z.optional(OptIn),
  member: Member.optional(),
  /** Set by the kiosk when the tap came inside the store's minimum interval. */
  misuse: z.boolean().optional(),
});
export type ResponseItem = z.infer<typeof ResponseItem>;

/**
 * How a kiosk is doing, reported with every sync and by a heartbeat while idle, so "last seen" means alive:
 * answers waiting in its queue, its app version, and answers the server refused that it keeps aside
 * (count per error code) instead of deleting them unseen.
 */
export const KioskStatus = z.strictObject({
  queueDepth: z.number().int().min(0).max(1_000_000),
  appVersion: z.string().min(1).max(40),
  undelivered: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z_]{1,40}$/), count: z.number().int().min(1).max(1_000_000) }))
    .max(20)
    .optional(),
});
export type KioskStatus = z.infer<typeof KioskStatus>;

/** The batch envelope is checked strictly; the items one by one, so one bad item never blocks a queue. */
export const SubmitResponsesRequest = z.strictObject({
  responses: z.array(z.unknown()).min(1).max(100),
  kiosk: KioskStatus.optional(),
  /**
   * The id of the answer whose shopper is at the screen now, waiting on the thank-you: the kiosk sends it
   * only while it shows that thank-you and waits for the verdict. Only that answer may win a surprise, so
   * no gift is won that nobody sees (answers synced later still count for results and the holdout).
   */
  present: z.uuid().optional(),
});
export type SubmitResponsesRequest = z.infer<typeof SubmitResponsesRequest>;

export const Surprise = z.strictObject({ code: z.string(), gift: Localized });
export type Surprise = z.infer<typeof Surprise>;

export const ResponseResult = z.strictObject({
  id: z.string(),
  status: z.enum(["stored", "duplicate", "rejected"]),
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.array(z.unknown()).optional() }).optional(),
  surprise: Surprise.optional(),
});
export type ResponseResult = z.infer<typeof ResponseResult>;

export const SubmitResponsesResponse = z.strictObject({ results: z.array(ResponseResult) });
export type SubmitResponsesResponse = z.infer<typeof SubmitResponsesResponse>;
