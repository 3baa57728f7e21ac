/** Follow-up rules (messages after the visit), the messages they make, and their delivery and click counts. */
import { z } from "zod";
import { DateRangeQuery, Lang, Slug, StoreId } from "./common.ts";

/** Placeholders a template may use, as `{{name}}`; a member-card link comes with loyalty. */
export const PLACEHOLDERS = ["storeName", "commentFirstLine", "reviewLink", "socialLink", "unsubscribeLink"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The longest delay after the tap: 30 days. */
export const MAX_DELAY_MINUTES = 30 * 24 * 60;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM (00:00–23:59)");
const HttpsUrl = z
  .url()
  .max(2000)
  .refine((u) => u.startsWith("https://"), "a link must be an https URL");

export const Channel = z.enum(["email", "sms"]);
export type Channel = z.infer<typeof Channel>;

/** One language's message: an e-mail needs all three parts, an SMS only `text`. */
export const MessageTemplate = z.strictObject({
  subject: z.string().min(1).max(200).optional(),
  text: z.string().min(1).max(5000),
  html: z.string().min(1).max(20_000).optional(),
});
export type MessageTemplate = z.infer<typeof MessageTemplate>;

const RuleBase = z.strictObject({
  id: Slug,
  name: z.string().min(1).max(80),
  enabled: z.boolean(),
  stores: z.union([z.literal("all"), z.array(StoreId).min(1)]),
  minScore: z.number().int().min(1).max(5),
  maxScore: z.number().int().min(1).max(5),
  channel: Channel,
  /** Counted from the tap, never from the sync. */
  delayMinutes: z.number().int().min(0).max(MAX_DELAY_MINUTES),
  /** Store-local hours in which messages may leave; one due outside waits for `sendFrom`. Omitted: any time. */
  quietHours: z.strictObject({ sendFrom: HHMM, sendUntil: HHMM }).optional(),
  /** A tap that reaches the server (or is still unsent) more than this after it happened sends nothing. */
  expiryHours: z
    .number()
    .int()
    .min(1)
    .max(31 * 24),
  templates: z.strictObject({ es: MessageTemplate.optional(), en: MessageTemplate.optional() }),
  links: z.strictObject({ review: HttpsUrl.optional(), social: HttpsUrl.optional() }),
  /** Share of matching answers held out (never sent) so the effect can be measured, by a hash of the answer id. */
  holdoutPercent: z.number().min(0).max(50),
  /** At most one message per contact in this many days, across rules; 0 = no cap. */
  frequencyCapDays: z.number().int().min(0).max(365),
});

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders named in a text, known or not. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER_RE)].map((m) => m[1] ?? "");
}

export const FollowUpRule = RuleBase.superRefine((rule, ctx) => {
  if (rule.minScore > rule.maxScore) {
    ctx.addIssue({ code: "custom", path: ["minScore"], message: "minScore must not exceed maxScore" });
  }
  if (rule.quietHours && rule.quietHours.sendFrom === rule.quietHours.sendUntil) {
    ctx.addIssue({ code: "custom", path: ["quietHours"], message: "sendFrom and sendUntil must differ" });
  }
  const langs = Lang.options.filter((lang) => rule.templates[lang]);
  if (langs.length === 0) {
    ctx.addIssue({ code: "custom", path: ["templates"], message: "a rule needs a template in at least one language" });
  }
  for (const lang of langs) {
    const template = rule.templates[lang] as MessageTemplate;
    if (rule.channel === "email") {
      for (const part of ["subject", "html"] as const) {
        if (!template[part]) {
          ctx.addIssue({ code: "custom", path: ["templates", lang, part], message: `an e-mail needs a ${part}` });
        }
      }
    }
    for (const part of ["subject", "text", "html"] as const) {
      for (const name of placeholdersIn(template[part] ?? "")) {
        const path = ["templates", lang, part];
        if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
          ctx.addIssue({ code: "custom", path, message: `unknown placeholder {{${name}}}` });
        } else if (name === "reviewLink" && !rule.links.review) {
          ctx.addIssue({ code: "custom", path, message: "{{reviewLink}} needs links.review" });
        } else if (name === "socialLink" && !rule.links.social) {
          ctx.addIssue({ code: "custom", path, message: "{{socialLink}} needs links.social" });
        }
      }
    }
  }
});
export type FollowUpRule = z.infer<typeof FollowUpRule>;

/** GET and PUT /v1/follow-up-rules: the whole list, validated as a whole. */
export const FollowUpRules = z
  .strictObject({ rules: z.array(FollowUpRule).max(50) })
  .refine((b) => new Set(b.rules.map((r) => r.id)).size === b.rules.length, {
    message: "rule ids must be unique",
    path: ["rules"],
  });
export type FollowUpRules = z.infer<typeof FollowUpRules>;

/**
 * Where a message is: `pending` until due, `claimed` by the dispatcher while it sends, then `sent`,
 * `failed` (refused for good) or `unknown` (claimed, no outcome recorded: never resent blindly).
 * `holdout`, `expired`, `suppressed` (frequency cap, bounce or complaint, no consent) and `cancelled`
 * (unsubscribe, erasure) never leave.
 */
export const MessageStatus = z.enum([
  "pending",
  "claimed",
  "sent",
  "failed",
  "unknown",
  "holdout",
  "expired",
  "suppressed",
  "cancelled",
]);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** A follow-up message as the dashboard lists it; the recipient and body are only in a contact's export. */
export const MessageView = z.strictObject({
  messageId: z.string(),
  kind: z.enum(["follow-up", "alert", "card"]),
  ruleId: z.string().optional(),
  storeId: StoreId,
  contactId: z.string().optional(),
  channel: Channel,
  lang: Lang,
  status: MessageStatus,
  /** why it was suppressed, failed or cancelled */
  reason: z.string().optional(),
  tapAt: z.string().optional(),
  dueAt: z.string(),
  createdAt: z.string(),
  claimedAt: z.string().optional(),
  sentAt: z.string().optional(),
  clicks: z.number().int(),
  subject: z.string().optional(),
});
export type MessageView = z.infer<typeof MessageView>;

/** Counts of a rule's messages over UTC days, from counters written with each change of status. */
export const FollowUpCounts = z.strictObject({
  created: z.number().int(),
  holdout: z.number().int(),
  expired: z.number().int(),
  suppressed: z.number().int(),
  cancelled: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  clicks: z.number().int(),
  clicked: z.number().int(),
});
export type FollowUpCounts = z.infer<typeof FollowUpCounts>;

/** GET /v1/follow-up-stats?from&to (UTC dates) */
export const FollowUpStats = z.strictObject({
  from: z.string(),
  to: z.string(),
  rules: z.array(z.strictObject({ ruleId: z.string(), counts: FollowUpCounts })),
});
export type FollowUpStats = z.infer<typeof FollowUpStats>;

export const FollowUpMessagesQuery = DateRangeQuery.extend({
  ruleId: Slug,
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type FollowUpMessagesQuery = z.infer<typeof FollowUpMessagesQuery>;

/** GET /v1/follow-up-messages?ruleId&from&to: a rule's messages, newest first, a page at a time. */
export const FollowUpMessages = z.strictObject({
  ruleId: z.string(),
  from: z.string(),
  to: z.string(),
  messages: z.array(MessageView),
  cursor: z.string().nullable(),
});
export type FollowUpMessages = z.infer<typeof FollowUpMessages>;
