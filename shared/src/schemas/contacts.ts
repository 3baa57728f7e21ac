/** Contacts (one per person and organisation), their consent ledger, export and erasure. */
import { z } from "zod";
import { Lang, Localized, StoreId } from "./common.ts";
import { MessageView } from "./follow-ups.ts";
import { MemberView } from "./loyalty.ts";

export const Network = z.enum(["instagram", "tiktok", "facebook", "x"]);

/** What a grant covers: `marketing` is news, offers and follow-ups; `loyalty` is membership of the programme. */
export const Purpose = z.enum(["marketing", "loyalty"]);
export type Purpose = z.infer<typeof Purpose>;

/** The ways a contact gave: e-mail, SMS (a phone), a social handle. */
export const ConsentChannel = z.enum(["email", "sms", "social"]);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/** A contact's current consent, derived from the ledger each time a record is appended. */
export const CurrentConsent = z.strictObject({
  active: z.boolean(),
  purposes: z.array(Purpose),
  channels: z.array(ConsentChannel),
  version: z.string().optional(),
  since: z.string().optional(),
  withdrawnAt: z.string().optional(),
});
export type CurrentConsent = z.infer<typeof CurrentConsent>;

export const ConsentGrant = z.strictObject({
  type: z.literal("grant"),
  recordId: z.string(),
  purposes: z.array(Purpose),
  channels: z.array(ConsentChannel),
  /** the consent text's version, and the SHA-256 of the exact text shown in `lang` (absent when unknown) */
  version: z.string(),
  textSha256: z.string().optional(),
  lang: Lang,
  storeId: StoreId,
  deviceId: z.string(),
  answerId: z.string(),
  /** the tap's time */
  at: z.string(),
  recordedAt: z.string(),
});

export const ConsentWithdrawal = z.strictObject({
  type: z.literal("withdrawal"),
  recordId: z.string(),
  purposes: z.array(Purpose),
  channels: z.array(ConsentChannel),
  source: z.enum(["unsubscribe", "admin", "member"]),
  /** the message whose link was used, or the admin who acted */
  messageId: z.string().optional(),
  by: z.string().optional(),
  at: z.string(),
  recordedAt: z.string(),
});

export const ConsentRecord = z.discriminatedUnion("type", [ConsentGrant, ConsentWithdrawal]);
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const Contact = z.strictObject({
  contactId: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  social: z.array(z.strictObject({ network: Network, handle: z.string() })),
  lang: Lang.optional(),
  stores: z.array(StoreId),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** marketing consent (news, offers, follow-ups) */
  consent: CurrentConsent,
  /** loyalty consent: the programme's, apart from marketing (a follow-up's unsubscribe does not end it) */
  loyalty: CurrentConsent.optional(),
  /** set once the contact is a member of the loyalty programme */
  memberId: z.string().optional(),
  lastSentAt: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;

/** GET /v1/contacts?q&cursor: contacts with active consent, newest first; `q` finds one by e-mail, phone or handle. */
export const ContactsQuery = z.strictObject({
  q: z.string().trim().min(1).max(254).optional(),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,2000}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type ContactsQuery = z.infer<typeof ContactsQuery>;

export const ContactList = z.strictObject({ contacts: z.array(Contact), cursor: z.string().nullable() });
export type ContactList = z.infer<typeof ContactList>;

/** An answer linked to a contact by its opt-in. */
export const LinkedAnswer = z.strictObject({
  answerId: z.string(),
  storeId: StoreId,
  at: z.string(),
  score: z.number().int(),
  comment: z.string().optional(),
  lang: Lang.optional(),
  /** the answer identified the member at the kiosk */
  identified: z.boolean().optional(),
  /** the surprise gift the answer won */
  gift: Localized.optional(),
});

/** GET /v1/contacts/{contactId} */
export const ContactDetail = z.strictObject({
  contact: Contact,
  ledger: z.array(ConsentRecord),
  answers: z.array(LinkedAnswer),
  messages: z.array(MessageView),
  /** the member's card: stamps, rewards and their history (visits, joins, staff stamps, rewards) */
  member: MemberView.optional(),
});
export type ContactDetail = z.infer<typeof ContactDetail>;

/** GET /v1/contacts/{contactId}/export: everything held about the person (admin). */
export const ContactExport = z.strictObject({
  exportedAt: z.string(),
  contact: Contact,
  ledger: z.array(ConsentRecord),
  answers: z.array(z.record(z.string(), z.unknown())),
  messages: z.array(
    MessageView.extend({
      to: z.string().optional(),
      text: z.string().optional(),
      html: z.string().optional(),
    }),
  ),
});
export type ContactExport = z.infer<typeof ContactExport>;

/** DELETE /v1/contacts/{contactId}: what was erased; the tombstone keeps when and how much. */
export const Erasure = z.strictObject({
  contactId: z.string(),
  erasedAt: z.string(),
  answers: z.number().int(),
  messages: z.number().int(),
  cancelled: z.number().int(),
  records: z.number().int(),
});
export type Erasure = z.infer<typeof Erasure>;

/** The form body of POST /u/{token} (RFC 8058 one-click). */
export const OneClickUnsubscribe = z.strictObject({
  "List-Unsubscribe": z.literal("One-Click", { error: "send List-Unsubscribe=One-Click" }),
});
