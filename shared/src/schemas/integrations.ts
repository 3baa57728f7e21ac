/**
 * Integration keys (a point-of-sale or CRM system calling the API) and the purchases they post. A key is
 * scoped to stores and permissions; its secret is shown once and stored hashed.
 */
import { z } from "zod";
import { FreeText, StoreId } from "./common.ts";
import { Email, Member, Phone } from "./responses.ts";

/** What a key may do; the route table names the permission each route accepts (`Route.permission`). */
export const IntegrationPermission = z.enum(["purchases:write"]);
export type IntegrationPermission = z.infer<typeof IntegrationPermission>;
export const INTEGRATION_PERMISSIONS = IntegrationPermission.options;

/** `all` stores (including stores created later), or a list of store ids. */
export const KeyStores = z.union([
  z.literal("all"),
  z
    .array(StoreId)
    .min(1)
    .max(100)
    .refine((s) => new Set(s).size === s.length, "each store once"),
]);
export type KeyStores = z.infer<typeof KeyStores>;

/** An integration key's secret: `sik_<12-character key id>_<40 letters and digits>`. */
export const INTEGRATION_KEY_PATTERN = /^sik_([a-z2-9]{12})_([A-Za-z0-9]{40})$/;

/** POST /v1/integration-keys */
export const CreateIntegrationKeyRequest = z.strictObject({
  name: FreeText(60, 1),
  stores: KeyStores,
  permissions: z
    .array(IntegrationPermission)
    .min(1)
    .refine((p) => new Set(p).size === p.length, "each permission once"),
});
export type CreateIntegrationKeyRequest = z.infer<typeof CreateIntegrationKeyRequest>;

/** A key as listed: never its secret or the secret's hash. */
export const IntegrationKey = z.strictObject({
  keyId: z.string(),
  name: z.string(),
  /** `sik_<keyId>`: the start of the secret, to recognise it */
  prefix: z.string(),
  stores: KeyStores,
  permissions: z.array(IntegrationPermission),
  createdAt: z.string(),
  createdBy: z.string(),
  /** the last request it authorised, to the minute; null if never used */
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type IntegrationKey = z.infer<typeof IntegrationKey>;

/** 201 of POST /v1/integration-keys: the only answer that ever holds the secret. */
export const CreatedIntegrationKey = z.strictObject({ key: IntegrationKey, secret: z.string() });
export type CreatedIntegrationKey = z.infer<typeof CreatedIntegrationKey>;

export const IntegrationKeyList = z.strictObject({ keys: z.array(IntegrationKey) });
export type IntegrationKeyList = z.infer<typeof IntegrationKeyList>;

export const IntegrationKeyResponse = z.strictObject({ key: IntegrationKey });

/** Currencies this runtime knows (ISO 4217), where it can tell; otherwise any three capitals pass. */
function isKnownCurrency(code: string): boolean {
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("currency");
  return !known || known.includes(code);
}

/** An ISO 4217 currency code: `EUR`, `MXN`, `USD`. */
export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, "an ISO 4217 currency code such as EUR")
  .refine(isKnownCurrency, "an ISO 4217 currency code such as EUR");

/** An external id: printable ASCII without spaces, as the point of sale names the sale (unique per store). */
export const ExternalId = z.string().regex(/^[\x21-\x7e]{1,100}$/, "1–100 printable characters without spaces");

/** How the point of sale names the buyer: a contact's e-mail or phone (exactly one). */
export const PurchaseContact = z
  .strictObject({ email: z.optional(Email), phone: z.optional(Phone) })
  .refine((c) => Boolean(c.email) !== Boolean(c.phone), "a contact is an e-mail or a phone");

/** POST /v1/purchases */
export const PurchaseRequest = z.strictObject({
  externalId: ExternalId,
  storeId: StoreId,
  /** when the sale happened, ISO-8601 with `Z` or an offset */
  at: z.iso.datetime({ offset: true }),
  /** in the currency's minor units (cents): 12.50 EUR is 1250 */
  amount: z.number().int().min(0).max(1_000_000_000_000),
  currency: Currency,
  member: Member.optional(),
  contact: PurchaseContact.optional(),
});
export type PurchaseRequest = z.infer<typeof PurchaseRequest>;

/** What the loyalty programme gave for a purchase (filled in by the loyalty work; null until then). */
export const PurchaseStamp = z.strictObject({ stampId: z.string(), memberId: z.string() });
export type PurchaseStamp = z.infer<typeof PurchaseStamp>;

export const Purchase = z.strictObject({
  purchaseId: z.string(),
  externalId: z.string(),
  storeId: StoreId,
  at: z.string(),
  /** the store-local date the purchase counts on */
  localDate: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  /** how the buyer was recognised: a member, a known contact, or not at all (nothing is stored about them) */
  identified: z.enum(["member", "contact"]).nullable(),
  stamp: PurchaseStamp.nullable(),
  receivedAt: z.string(),
});
export type Purchase = z.infer<typeof Purchase>;

/** 201 of POST /v1/purchases, the same for a retry of the same purchase. */
export const PurchaseResponse = z.strictObject({ purchase: Purchase });
export type PurchaseResponse = z.infer<typeof PurchaseResponse>;
