/** A shopper's answer as the kiosk sends it, and the per-item results of ingestion. */
import { z } from "zod";
import { Lang, Localized } from "./common.ts";

export const Score = z.number().int().min(1).max(5);

/** E.164-ish phone: a plus and 8 to 15 digits, spaces allowed while typing. */
export const Phone = z
  .string()
  .transform((s) => s.replace(/[\s()-]/g, ""))
  .pipe(z.string().regex(/^\+?[0-9]{8,15}$/, "a phone number with 8 to 15 digits"));
export const Email = z.email().max(254);

export const SocialHandle = z.strictObject({
  network: z.enum(["instagram", "tiktok", "facebook", "x"]),
  handle: z
    .string()
    .transform((s) => s.trim().replace(/^@/, ""))
    .pipe(z.string().regex(/^[A-Za-z0-9._]{1,30}$/, "a handle of letters, digits, dots and underscores")),
});

export const Consent = z.strictObject({
  version: z.string().min(1).max(40),
  granted: z.literal(true, { error: "consent must be granted to opt in" }),
});

export const OptIn = z
  .strictObject({
    email: Email.optional(),
    phone: Phone.optional(),
    social: SocialHandle.optional(),
    consent: Consent,
  })
  .refine((o) => o.email || o.phone || o.social, "an opt-in needs an email, a phone or a social handle");
export type OptIn = z.infer<typeof OptIn>;

export const Member = z
  .strictObject({
    phone: Phone.optional(),
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
  comment: z.string().max(500).optional(),
  lang: Lang.optional(),
  optIn: OptIn.optional(),
  member: Member.optional(),
  /** Set by the kiosk when the tap came inside the store's minimum interval. */
  misuse: z.boolean().optional(),
});
export type ResponseItem = z.infer<typeof ResponseItem>;

/** The batch envelope is checked strictly; the items one by one, so one bad item never blocks a queue. */
export const SubmitResponsesRequest = z.strictObject({
  responses: z.array(z.unknown()).min(1).max(100),
});

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
