/** Building blocks shared by every request and response schema. */
import { z } from "zod";
import { cleanText } from "../text.ts";

/** A store id is a url-safe slug such as `madrid-centro`. */
export const StoreId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "a store id is a lower-case slug");
export type StoreId = z.infer<typeof StoreId>;

/**
 * Free text people type (comments, names, reasons): control and bidi formatting characters are stripped
 * at the edge (text.ts), then the length is checked on what is kept.
 */
export function FreeText(max: number, min = 0) {
  return z.string().transform(cleanText).pipe(z.string().min(min).max(max));
}

/** An id in a path (a device, user, staff member, contact or alert): url-safe characters, bounded. */
const PathId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$/, "an id of letters, digits, dots or dashes");

/** An id the integrations make: letters, digits, `_` and `-` (base64url), bounded. */
const IntegrationId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "an id of letters, digits, _ or -");

/** Path parameters of the route table, each with its schema: checked before any handler looks anything up. */
export const PathParams = z.strictObject({
  storeId: StoreId.optional(),
  deviceId: PathId.optional(),
  userId: PathId.optional(),
  staffId: PathId.optional(),
  contactId: PathId.optional(),
  alertId: PathId.optional(),
  /** Integrations (issue 14): an integration key's id, a webhook endpoint's `ep_…` and a message's `msg_…`. */
  keyId: IntegrationId.optional(),
  endpointId: IntegrationId.optional(),
  messageId: IntegrationId.optional(),
  /** A signed link's token; its signature is checked by the handler, which answers a page either way. */
  token: z.string().min(1).max(1000).optional(),
});
export type PathParams = z.infer<typeof PathParams>;

/** Languages the kiosk ships translations for. */
export const Lang = z.enum(["es", "en"]);
export type Lang = z.infer<typeof Lang>;

/** Text in every supported language. */
export const Localized = z.strictObject({ es: FreeText(500, 1), en: FreeText(500, 1) });
export type Localized = z.infer<typeof Localized>;

/** A calendar date in the store's own time zone. */
export const LocalDate = z.iso.date();

/** Slug used for reason ids, rule ids and stock items. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "a lower-case slug of at most 40 characters");

/**
 * `admin` runs the chain; `marketing` reads results and runs campaigns; `manager` reads and runs its own
 * stores (a list in the token); `staff` is one store's counter (PIN); `device` is one kiosk.
 */
export const Role = z.enum(["admin", "marketing", "manager", "staff", "device"]);
export type Role = z.infer<typeof Role>;

/** The error body of every 4xx and 5xx answer. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    details: z.array(z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `from`/`to` of every route over store-local dates; `to` defaults to today in the store's zone. */
export const DateRangeQuery = z.strictObject({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});

/**
 * GET /v1/health. `demoHistory` only on the local stack while it loads the demo's past in the background
 * (`npm start`'s first start): answers planned and stored so far, then (`stage`) the past's follow-ups sent.
 */
export const HealthResponse = z.strictObject({
  ok: z.literal(true),
  demoHistory: z
    .strictObject({
      stage: z.enum(["answers", "follow-ups"]),
      planned: z.number().int().min(0),
      stored: z.number().int().min(0),
    })
    .optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
