/**
 * Outgoing webhooks (Standard Webhooks): endpoints an admin registers, the events they receive, each event's
 * payload, and the delivery log. Every payload is `{type, timestamp, data}`; `data` is one of the shapes below,
 * and docs/api.md lists which fields are personal data.
 */
import { z } from "zod";
import { FreeText, Lang, Localized, Slug, StoreId } from "./common.ts";
import { ConsentChannel, Network, Purpose } from "./contacts.ts";

export const WEBHOOK_EVENT_TYPES = [
  "answer.stored",
  "gift.won",
  "gift.handed",
  "contact.created",
  "consent.withdrawn",
  "alert.fired",
  "reward.redeemed",
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** An endpoint's address: https (plain http only to 127.0.0.1 on the local stack); no credentials, no fragment. */
export const WebhookUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2000)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), "no user name or password in the address")
  .refine((u) => !u.includes("#"), "no fragment (#…) in the address");

const Events = z
  .array(WebhookEventType)
  .min(1)
  .refine((e) => new Set(e).size === e.length, "each event once");

/** POST /v1/webhook-endpoints */
export const CreateWebhookEndpointRequest = z.strictObject({
  url: WebhookUrl,
  events: Events,
  description: FreeText(100).optional(),
  active: z.boolean().optional(),
});
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequest>;

/** PUT /v1/webhook-endpoints/{endpointId}: any of the fields, at least one. */
export const UpdateWebhookEndpointRequest = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: Events.optional(),
    description: FreeText(100).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, "change at least one field");
export type UpdateWebhookEndpointRequest = z.infer<typeof UpdateWebhookEndpointRequest>;

/** POST /v1/webhook-endpoints/{endpointId}/rotate-secret: how long the old secret keeps signing (default 24 h). */
export const RotateWebhookSecretRequest = z.strictObject({
  overlapHours: z.number().int().min(0).max(168).optional(),
});
export type RotateWebhookSecretRequest = z.infer<typeof RotateWebhookSecretRequest>;

/** An endpoint as listed: never its secrets. */
export const WebhookEndpoint = z.strictObject({
  endpointId: z.string(),
  url: z.string(),
  events: z.array(WebhookEventType),
  description: z.string().optional(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the start of the current secret (`whsec_` and 4 characters), to tell secrets apart */
  secretPrefix: z.string(),
  secretCreatedAt: z.string(),
  /** while the previous secret still signs too (after a rotation), until when */
  previousSecretUntil: z.string().optional(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointList = z.strictObject({ endpoints: z.array(WebhookEndpoint) });
export const WebhookEndpointResponse = z.strictObject({ endpoint: WebhookEndpoint });
/** Creating an endpoint or rotating its secret: the only answers that hold the secret. */
export const WebhookEndpointWithSecret = z.strictObject({ endpoint: WebhookEndpoint, secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

/** One try at delivering a message. */
export const WebhookAttempt = z.strictObject({
  at: z.string(),
  /** the HTTP status the endpoint answered; null when there was no answer */
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  /** why it failed without an HTTP answer, or `http` for a non-2xx answer */
  error: z.enum(["http", "timeout", "connection", "refused_address", "no_answer"]).optional(),
  /** `retry` (the schedule), `replay` (an admin), `test` (send test event) */
  trigger: z.enum(["schedule", "replay", "test"]),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

/**
 * `pending` (waiting for its next attempt), `sending` (claimed by one sender), `delivered` (a 2xx),
 * `failed` (every attempt of the schedule failed), `cancelled` (the endpoint was switched off, or a contact's
 * consent ended before its personal data left).
 */
export const WebhookMessageStatus = z.enum(["pending", "sending", "delivered", "failed", "cancelled"]);
export type WebhookMessageStatus = z.infer<typeof WebhookMessageStatus>;

export const WebhookMessage = z.strictObject({
  /** the `webhook-id`: the same on every attempt and replay */
  messageId: z.string(),
  endpointId: z.string(),
  eventType: WebhookEventType,
  status: WebhookMessageStatus,
  reason: z.string().optional(),
  test: z.boolean(),
  createdAt: z.string(),
  nextAttemptAt: z.string().optional(),
  deliveredAt: z.string().optional(),
  attempts: z.array(WebhookAttempt),
});
export type WebhookMessage = z.infer<typeof WebhookMessage>;

export const WebhookMessagesQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type WebhookMessagesQuery = z.infer<typeof WebhookMessagesQuery>;

/** GET /v1/webhook-endpoints/{endpointId}/messages: the delivery log, newest first. */
export const WebhookMessageList = z.strictObject({ messages: z.array(WebhookMessage), cursor: z.string().nullable() });
export type WebhookMessageList = z.infer<typeof WebhookMessageList>;

export const WebhookMessageResponse = z.strictObject({ message: WebhookMessage });

/** POST /v1/webhook-endpoints/{endpointId}/test */
export const SendTestEventRequest = z.strictObject({ eventType: WebhookEventType });

// ── Payloads ──────────────────────────────────────────────────────────────────────────────────────────────

/** answer.stored: a kiosk answer, anonymous (no contact data; the comment is the shopper's free text). */
export const AnswerStoredData = z.strictObject({
  answerId: z.string(),
  storeId: StoreId,
  deviceId: z.string(),
  at: z.string(),
  localDate: z.string(),
  score: z.number().int(),
  reasons: z.array(z.string()),
  comment: z.string().optional(),
  lang: Lang.optional(),
  misuse: z.boolean(),
  optedIn: z.boolean(),
  surprise: z
    .strictObject({ ruleId: z.string(), group: z.enum(["treatment", "holdout"]), outcome: z.string().optional() })
    .optional(),
  receivedAt: z.string(),
});

/** gift.won and gift.handed. */
export const GiftEventData = z.strictObject({
  code: z.string(),
  storeId: StoreId,
  kind: z.enum(["surprise", "spontaneous"]),
  status: z.enum(["pending", "handed", "expired"]),
  gift: Localized,
  ruleId: z.string().optional(),
  answerId: z.string().optional(),
  stockItem: z.string().optional(),
  date: z.string(),
  wonAt: z.string(),
  expiresAt: z.string(),
  handedAt: z.string().optional(),
  /** a named staff member's id (never a name) */
  staffId: z.string().optional(),
});

/** contact.created: personal data, sent only while the contact's consent is active. */
export const ContactCreatedData = z.strictObject({
  contactId: z.string(),
  createdAt: z.string(),
  stores: z.array(StoreId),
  lang: Lang.optional(),
  consent: z.strictObject({
    purposes: z.array(Purpose),
    channels: z.array(ConsentChannel),
    version: z.string().optional(),
  }),
  email: z.string().optional(),
  phone: z.string().optional(),
  social: z.array(z.strictObject({ network: Network, handle: z.string() })),
});

/** consent.withdrawn: who (the contact's id only), how, when. */
export const ConsentWithdrawnData = z.strictObject({
  contactId: z.string(),
  recordId: z.string(),
  source: z.enum(["unsubscribe", "admin"]),
  purposes: z.array(Purpose),
  channels: z.array(ConsentChannel),
  at: z.string(),
});

/** alert.fired: counts and reasons, never the comments an alert e-mail quotes. */
export const AlertFiredData = z.strictObject({
  alertId: z.string(),
  storeId: StoreId,
  kind: z.enum(["negative-spike", "low-stock"]),
  at: z.string(),
  window: z.strictObject({ from: z.string(), to: z.string() }).optional(),
  answers: z.number().int().optional(),
  negative: z.number().int().optional(),
  reasons: z.array(z.strictObject({ id: z.string(), count: z.number().int() })).optional(),
  item: z
    .strictObject({ item: Slug, name: z.string(), available: z.number().int(), lowAt: z.number().int() })
    .optional(),
});

/** reward.redeemed: emitted by the loyalty programme (the member's id, never their phone or code). */
export const RewardRedeemedData = z.strictObject({
  rewardId: z.string(),
  memberId: z.string(),
  storeId: StoreId,
  reward: z.strictObject({ id: z.string(), name: Localized }),
  issuedAt: z.string(),
  redeemedAt: z.string(),
  staffId: z.string().optional(),
});

/** The data of each event type. */
export const WEBHOOK_DATA = {
  "answer.stored": AnswerStoredData,
  "gift.won": GiftEventData,
  "gift.handed": GiftEventData,
  "contact.created": ContactCreatedData,
  "consent.withdrawn": ConsentWithdrawnData,
  "alert.fired": AlertFiredData,
  "reward.redeemed": RewardRedeemedData,
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookData<T extends WebhookEventType> = z.infer<(typeof WEBHOOK_DATA)[T]>;

/** The body of every delivery. */
export const WebhookPayload = z.strictObject({
  type: WebhookEventType,
  /** when the event happened (ISO-8601, UTC) */
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;
