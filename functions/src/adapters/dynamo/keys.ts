/**
 * Every key of the single table, in one place: the key of each item, and a named helper per access
 * pattern that reads a range or a partition. No other file builds a key or a key prefix.
 *
 * Hot partitions at 10,000 stores: answers are keyed by their own id (uniform spread);
 * per-store items live in per-store partitions; the only cross-store partition is the
 * all-store results index (gsi1 `ORGMONTH#<month>#<shard>`), spread over ORG_SHARDS shards
 * by a hash of the store id, so each shard takes 1/ORG_SHARDS of the organisation's writes.
 */
import { createHash } from "node:crypto";

/** Number of shards of the cross-store day index; a 30-day read costs 2 months × ORG_SHARDS queries. */
export const ORG_SHARDS = 8;

/** A key range to query: one partition, sort keys `from`..`to` inclusive, on the table or an index. */
export interface KeySpan {
  index?: "gsi1" | "gsi2";
  pk: string;
  from: string;
  to: string;
}

/** A partition and a sort-key prefix to query. */
export interface KeyPrefix {
  index?: "gsi1" | "gsi2";
  pk: string;
  prefix: string;
}

/** Sorts after every character used in keys: the inclusive end of "everything starting with". */
const END = "~";

const DAY = "DAY#";
const MONTH = "MONTH#";
const STOCK = "STOCK#";
const STAFF = "STAFF#";
const USERS = "USERS";
const DEVICE = "DEVICE#";
const CONSENT = "CONSENT#";
const RULE_REVISION = "RULEREV#";
const MEMBER = "MEMBER#";
const STAMP = "STAMP#";
const LOYALTY_REVISION = "LOYALTYREV#";
const EXPOSURE = "EXPOSURE#";

export const keys = {
  /** Store profile by id; gsi1 lists every store (`STORES`, by id). */
  store: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "PROFILE" }),
  storeIndex: (storeId: string) => ({ gsi1pk: "STORES", gsi1sk: storeId }),
  /** Access pattern: every store, by id. */
  allStores: (): KeyPrefix => ({ index: "gsi1", pk: "STORES", prefix: "" }),

  /** User (admin, marketing, manager) by e-mail, for sign-in and the session check of every request. */
  user: (email: string) => ({ pk: `USER#${email.toLowerCase()}`, sk: "PROFILE" }),
  /** gsi1: every user by id (`USERS`), for the People page and to find a user by id. */
  userIndex: (userId: string) => ({ gsi1pk: USERS, gsi1sk: userId }),
  /** Access pattern: every user, by id. */
  allUsers: (): KeyPrefix => ({ index: "gsi1", pk: USERS, prefix: "" }),
  /** Access pattern: one user by id (gsi1, then a consistent read of `user(email)`). */
  userById: (userId: string): KeySpan => ({ index: "gsi1", pk: USERS, from: userId, to: userId }),

  /**
   * Written by every change that takes an admin away (demotion, disabling), so two such changes never run
   * side by side: with only the other admin's condition checked, two admins demoting each other at once
   * could both pass (write skew).
   */
  adminGuard: () => ({ pk: "ORG", sk: "ADMINS" }),

  /** A store's staff PIN hash and the version its staff tokens carry (rotation bumps it). */
  staffPin: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "STAFFPIN" }),
  /** A named staff member of a store, with their own PIN hash. */
  staffMember: (storeId: string, staffId: string) => ({ pk: `STORE#${storeId}`, sk: `${STAFF}${staffId}` }),
  /** Access pattern: every named staff member of a store (`STAFFPIN` does not start with `STAFF#`). */
  storeStaff: (storeId: string): KeyPrefix => ({ pk: `STORE#${storeId}`, prefix: STAFF }),

  /**
   * Failures of one throttled bucket (an account, a client address, a store's PIN, a device). The bucket is
   * hashed: e-mails typed by strangers and client addresses are never stored. One item per bucket, so a
   * busy bucket is one hot key at most (a few writes per sign-in attempt).
   */
  throttle: (bucket: string) => ({
    pk: `THROTTLE#${createHash("sha256").update(bucket).digest("base64url")}`,
    sk: "THROTTLE",
  }),

  /** One-time pairing code; deleted (conditionally) when used; TTL removes stale ones. */
  pairing: (code: string) => ({ pk: `PAIRING#${code}`, sk: "PAIRING" }),

  /** Device of a store; listed per store by sk prefix. */
  device: (storeId: string, deviceId: string) => ({ pk: `STORE#${storeId}`, sk: `${DEVICE}${deviceId}` }),
  /** Access pattern: every device of a store (the Kiosks page). */
  storeDevices: (storeId: string): KeyPrefix => ({ pk: `STORE#${storeId}`, prefix: DEVICE }),
  /**
   * Access pattern: a device by its id alone (rename, revoke): a pointer to its store, written with the
   * device when it is paired, so the lookup is one strongly consistent read.
   */
  deviceRef: (deviceId: string) => ({ pk: `DEVICEREF#${deviceId}`, sk: "DEVICE" }),

  /** One consent version of a store, written once and never changed (the exact text of each language). */
  consentVersion: (storeId: string, version: string) => ({ pk: `STORE#${storeId}`, sk: `${CONSENT}${version}` }),
  /** Access pattern: every consent version of a store. */
  storeConsents: (storeId: string): KeyPrefix => ({ pk: `STORE#${storeId}`, prefix: CONSENT }),

  /** An answer, keyed by the kiosk's id so a retry can never make a second copy. */
  response: (id: string) => ({ pk: `RESPONSE#${id}`, sk: "RESPONSE" }),
  /** gsi1: answers of a store by local month, ordered by time (CSV export). */
  responseByStore: (storeId: string, month: string, atUtc: string, id: string) => ({
    gsi1pk: `STORE#${storeId}#RESP#${month}`,
    gsi1sk: `${atUtc}#${id}`,
  }),
  /** Access pattern: a store's answers of one local month between two instants (UTC ISO), oldest first. */
  storeAnswers: (storeId: string, month: string, fromUtc: string, toUtc: string): KeySpan => ({
    index: "gsi1",
    pk: `STORE#${storeId}#RESP#${month}`,
    from: fromUtc,
    to: `${toUtc}${END}`,
  }),
  /** gsi2 (sparse, only answers with a comment): comments of a store, newest first. */
  commentByStore: (storeId: string, atUtc: string, id: string) => ({
    gsi2pk: `STORE#${storeId}#COMMENTS`,
    gsi2sk: `${atUtc}#${id}`,
  }),
  /** Access pattern: a store's comments between two instants (UTC ISO). */
  storeComments: (storeId: string, fromUtc: string, toUtc: string): KeySpan => ({
    index: "gsi2",
    pk: `STORE#${storeId}#COMMENTS`,
    from: fromUtc,
    to: `${toUtc}${END}`,
  }),

  /**
   * The full key of a comment from its index sort key (`<atUtc>#<answer id>`), for a page cursor; undefined
   * when the sort key is not one a comment of the store could have.
   */
  commentCursor: (storeId: string, gsi2sk: string) => {
    const match =
      /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)#([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
        gsi2sk,
      );
    if (!match) return undefined;
    const [, atUtc, id] = match as unknown as [string, string, string];
    return { ...keys.response(id), ...keys.commentByStore(storeId, atUtc, id) };
  },

  /** Per-store, per-local-day aggregate: counts, hours, reasons, opt-ins, gifts. Range-read per store. */
  storeDay: (storeId: string, date: string) => ({ pk: `AGG#${storeId}`, sk: `${DAY}${date}` }),
  /** Access pattern: a store's day items over local dates `from`..`to`. */
  storeDays: (storeId: string, from: string, to: string): KeySpan => ({
    pk: `AGG#${storeId}`,
    from: `${DAY}${from}`,
    to: `${DAY}${to}`,
  }),
  /** Access pattern: all of a store's day items, oldest first (its first day). */
  allStoreDays: (storeId: string): KeyPrefix => ({ pk: `AGG#${storeId}`, prefix: DAY }),
  /** The local date of a day item's sort key. */
  dateOfDaySk: (sk: string) => sk.slice(DAY.length),

  /** Per-store roll-up of a sealed local month (fixed size); range-read per store beside its day items. */
  storeMonth: (storeId: string, month: string) => ({ pk: `AGG#${storeId}`, sk: `${MONTH}${month}` }),
  /** Access pattern: a store's month roll-ups over `from`..`to` (YYYY-MM). */
  storeMonths: (storeId: string, from: string, to: string): KeySpan => ({
    pk: `AGG#${storeId}`,
    from: `${MONTH}${from}`,
    to: `${MONTH}${to}`,
  }),
  /** Access pattern: every month roll-up of a store. */
  allStoreMonths: (storeId: string): KeyPrefix => ({ pk: `AGG#${storeId}`, prefix: MONTH }),
  /** The month (YYYY-MM) of a roll-up's sort key. */
  monthOfMonthSk: (sk: string) => sk.slice(MONTH.length),

  /** gsi1: the same day items across stores, by local month and shard (all-store results). */
  storeDayIndex: (storeId: string, date: string) => ({
    gsi1pk: orgMonthShard(date.slice(0, 7), shardOf(storeId)),
    gsi1sk: `${date}#${storeId}`,
  }),
  /** Access pattern: one shard of every store's day items of a local month, over dates `from`..`to`. */
  orgDays: (month: string, shard: number, from: string, to: string): KeySpan => ({
    index: "gsi1",
    pk: orgMonthShard(month, shard),
    from: `${from}#`,
    to: `${to}#${END}`,
  }),

  /** Where a scheduled job that works in pages left off (its next run resumes there). */
  jobState: (job: string) => ({ pk: "JOB", sk: `JOB#${job}` }),

  /** The full key of a store's profile from its id, to resume a list of stores after it. */
  storeCursor: (storeId: string) => ({ ...keys.store(storeId), ...keys.storeIndex(storeId) }),

  /** Organisation-wide surprise rules (one small item). */
  surpriseRules: () => ({ pk: "ORG", sk: "SURPRISE_RULES" }),
  /** One change of the rules (who, when, before and after), written in the transaction that makes it. */
  ruleRevision: (at: string, id: string) => ({ pk: "ORG", sk: `${RULE_REVISION}${at}#${id}` }),
  /** Access pattern: every revision of the rules, by time (read newest first, a page at a time). */
  ruleRevisions: (): KeyPrefix => ({ pk: "ORG", prefix: RULE_REVISION }),
  /** Wins of a rule in a store on a local day (the daily budget). */
  budget: (storeId: string, ruleId: string, date: string) => ({
    pk: `STORE#${storeId}`,
    sk: `BUDGET#${ruleId}#${date}`,
  }),
  /** Qualifying answers seen by an every-Nth rule in a store. */
  nthCounter: (storeId: string, ruleId: string) => ({ pk: `STORE#${storeId}`, sk: `NTH#${ruleId}` }),
  /** Gift stock item of a store. */
  stock: (storeId: string, item: string) => ({ pk: `STORE#${storeId}`, sk: `${STOCK}${item}` }),
  /** Access pattern: every stock item of a store. */
  storeStock: (storeId: string): KeyPrefix => ({ pk: `STORE#${storeId}`, prefix: STOCK }),
  /** A gift (won or spontaneous), unique per store, local day and code; pending ones listed newest first. */
  gift: (storeId: string, date: string, code: string) => ({ pk: `GIFTS#${storeId}`, sk: `${date}#${code}` }),
  /** gsi2 (sparse, only while pending): a store's pending surprise gifts by expiry, for the expiry job. */
  pendingGift: (storeId: string, expiresAt: string, code: string) => ({
    gsi2pk: `PENDING#${storeId}`,
    gsi2sk: `${expiresAt}#${code}`,
  }),
  /** Access pattern: a store's pending gifts that expired by `nowUtc`, soonest first. */
  expiredPendingGifts: (storeId: string, nowUtc: string): KeySpan => ({
    index: "gsi2",
    pk: `PENDING#${storeId}`,
    from: "0",
    to: `${nowUtc}#${END}`,
  }),
  /** The key of a gift from its sort key (`<date>#<code>`), for a page cursor; undefined when it is not one. */
  giftCursor: (storeId: string, sk: string) =>
    /^\d{4}-\d\d-\d\d#[A-Z0-9]{6}$/.test(sk) ? keys.gift(storeId, sk.slice(0, 10), sk.slice(11)) : undefined,
  /** Access pattern: a store's gifts of local days `from`..`to`. */
  storeGifts: (storeId: string, from: string, to: string): KeySpan => ({
    pk: `GIFTS#${storeId}`,
    from: `${from}#`,
    to: `${to}#${END}`,
  }),

  // ── Contacts, consent, follow-ups and alerts (issue 12) ──────────────────────────────────────────────
  // Hot partitions: a contact's items live in its own partition (`CONTACT#<id>`); identities, messages and
  // alerts each in their own. The shared index partitions are written only when something changes state:
  // `CONTACTS` once per consent change (2–3 writes a second at 10,000 stores × 20 opt-ins a day, against a
  // partition's 1,000), `MSGDUE#<shard>`/`MSGCLAIMED#<shard>` per message step, spread over MESSAGE_SHARDS,
  // `FOLLOWUPS#<ruleId>` one write per message of a rule, `ALERTS#…` rarely.

  /** A contact's profile and derived consent; gsi1 `CONTACTS` only while consent is active (sparse). */
  contact: (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: "PROFILE" }),
  activeContactIndex: (createdAt: string, contactId: string) => ({
    gsi1pk: "CONTACTS",
    gsi1sk: `${createdAt}#${contactId}`,
  }),
  /** Access pattern: contacts with active consent, newest first. */
  activeContacts: (): KeyPrefix => ({ index: "gsi1", pk: "CONTACTS", prefix: "" }),
  /** Access pattern: every item of a contact (profile, ledger, message links, tombstone), for erasure. */
  contactItems: (contactId: string): KeyPrefix => ({ pk: `CONTACT#${contactId}`, prefix: "" }),
  /** A consent ledger record of a contact, keyed by what caused it (answer, message, admin action). */
  consentRecord: (contactId: string, recordId: string) => ({ pk: `CONTACT#${contactId}`, sk: `CONSENT#${recordId}` }),
  /** Access pattern: a contact's whole ledger. */
  contactLedger: (contactId: string): KeyPrefix => ({ pk: `CONTACT#${contactId}`, prefix: "CONSENT#" }),
  /** A message made for a contact (a link to the message item), for its history, unsubscribe and erasure. */
  contactMessage: (contactId: string, messageId: string) => ({ pk: `CONTACT#${contactId}`, sk: `MSG#${messageId}` }),
  /** Access pattern: the messages of a contact. */
  contactMessages: (contactId: string): KeyPrefix => ({ pk: `CONTACT#${contactId}`, prefix: "MSG#" }),
  /** What is left of an erased contact: when, by whom, how much. */
  tombstone: (contactId: string) => ({ pk: `CONTACT#${contactId}`, sk: "TOMBSTONE" }),
  /**
   * An identity (normalised e-mail, E.164 phone, `network:handle`) pointing at its contact, keyed by a SHA-256
   * of the value so keys hold no personal data; created under `attribute_not_exists`, so one identity has
   * one contact even when two kiosks opt in the same person at once.
   */
  identity: (kind: string, value: string) => ({ pk: `IDENTITY#${kind}#${sha256(value)}`, sk: "IDENTITY" }),
  /** An address that must not be mailed or texted (bounce, complaint, SMS opt-out), by a hash of it. */
  suppression: (address: string) => ({ pk: `SUPPRESSION#${sha256(address.toLowerCase())}`, sk: "SUPPRESSION" }),

  /** A due message (follow-up or alert e-mail), keyed by what caused it: `<answerId>.<ruleId>` or `alert.<alertId>`. */
  message: (messageId: string) => ({ pk: `MSG#${messageId}`, sk: "MSG" }),
  /** gsi1 while pending: by due time, on one of MESSAGE_SHARDS shards. */
  dueMessageIndex: (messageId: string, dueAt: string) => ({
    gsi1pk: `MSGDUE#${messageShard(messageId)}`,
    gsi1sk: `${dueAt}#${messageId}`,
  }),
  /** Access pattern: one shard's pending messages due at or before `now`, oldest first. */
  dueMessages: (shard: number, now: string): KeySpan => ({
    index: "gsi1",
    pk: `MSGDUE#${shard}`,
    from: "0",
    to: `${now}#${END}`,
  }),
  /** gsi1 while claimed: by claim time, to find claims that never got an outcome. */
  claimedMessageIndex: (messageId: string, claimedAt: string) => ({
    gsi1pk: `MSGCLAIMED#${messageShard(messageId)}`,
    gsi1sk: `${claimedAt}#${messageId}`,
  }),
  /** Access pattern: one shard's messages claimed before `before`. */
  staleClaims: (shard: number, before: string): KeySpan => ({
    index: "gsi1",
    pk: `MSGCLAIMED#${shard}`,
    from: "0",
    to: before,
  }),
  /** gsi2: a follow-up rule's messages by creation time, for the dashboard. */
  ruleMessageIndex: (ruleId: string, createdAt: string, messageId: string) => ({
    gsi2pk: `FOLLOWUPS#${ruleId}`,
    gsi2sk: `${createdAt}#${messageId}`,
  }),
  /** Access pattern: a rule's messages made between two instants. */
  ruleMessages: (ruleId: string, fromUtc: string, toUtc: string): KeySpan => ({
    index: "gsi2",
    pk: `FOLLOWUPS#${ruleId}`,
    from: fromUtc,
    to: `${toUtc}${END}`,
  }),
  /**
   * A rule's message counters on a UTC day (made, held out, sent, clicked…), added in each change's
   * transaction; split over MESSAGE_SHARDS items by the message's hash, so concurrent senders of one rule
   * rarely meet on one item (a transaction conflict costs a retry).
   */
  followUpDay: (ruleId: string, date: string, messageId: string) => ({
    pk: `FOLLOWUPSTATS#${ruleId}`,
    sk: `${DAY}${date}#${messageShard(messageId)}`,
  }),
  /** Access pattern: a rule's counters (every shard) over UTC dates. */
  followUpDays: (ruleId: string, from: string, to: string): KeySpan => ({
    pk: `FOLLOWUPSTATS#${ruleId}`,
    from: `${DAY}${from}`,
    to: `${DAY}${to}#${END}`,
  }),
  /** Organisation-wide follow-up rules (one small item). */
  followUpRules: () => ({ pk: "ORG", sk: "FOLLOWUP_RULES" }),

  /** An alert; gsi1 lists a store's by time, gsi2 every store's by UTC month. */
  alert: (alertId: string) => ({ pk: `ALERT#${alertId}`, sk: "ALERT" }),
  alertIndexes: (storeId: string, at: string, alertId: string) => ({
    gsi1pk: `ALERTS#${storeId}`,
    gsi1sk: `${at}#${alertId}`,
    gsi2pk: `ALERTS#ORG#${at.slice(0, 7)}`,
    gsi2sk: `${at}#${alertId}`,
  }),
  /** Access pattern: a store's alerts of a UTC month, newest first (query descending). */
  storeAlerts: (storeId: string, month: string): KeySpan => ({
    index: "gsi1",
    pk: `ALERTS#${storeId}`,
    from: `${month}`,
    to: `${month}${END}`,
  }),
  /** Access pattern: every store's alerts of a UTC month. */
  orgAlerts: (month: string): KeyPrefix => ({ index: "gsi2", pk: `ALERTS#ORG#${month}`, prefix: "" }),
  /** A store's alert settings. */
  alertSettings: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "ALERTSETTINGS" }),
  /** When a store's last negative-spike alert was raised (tap time), for one alert per window. */
  spikeState: (storeId: string) => ({ pk: `STORE#${storeId}`, sk: "ALERTSTATE#spike" }),
  /** The store id of a stock item's key (stream records carry keys). */
  storeOfStockKey: (pk: string, sk: string) =>
    pk.startsWith("STORE#") && sk.startsWith(STOCK)
      ? { storeId: pk.slice("STORE#".length), item: sk.slice(STOCK.length) }
      : undefined,

  // ── Loyalty (issue 13) ────────────────────────────────────────────────────────────────────────────────
  // Hot partitions: a member's profile, stamps and rewards share the member's own partition (one query reads the
  // whole card; a member writes a few items a week); member codes each have their own; the programme, its
  // revisions and consent versions are organisation items read once per request that needs them.

  /** The loyalty programme (one small item, replaced as a whole, with a version a replacement is conditioned on). */
  loyaltyProgram: () => ({ pk: "ORG", sk: "LOYALTY_PROGRAM" }),
  /** One change of the programme: who, when, before and after. */
  loyaltyRevision: (at: string, id: string) => ({ pk: "ORG", sk: `${LOYALTY_REVISION}${at}#${id}` }),
  /** Access pattern: the programme's revisions, newest first (query descending). */
  loyaltyRevisions: (): KeyPrefix => ({ pk: "ORG", prefix: LOYALTY_REVISION }),
  /** A version of the joining consent text, immutable once written: its texts and their SHA-256. */
  loyaltyConsent: (version: string) => ({ pk: "ORG", sk: `LOYALTYCONSENT#${version}` }),

  /** A member's profile: the contact it belongs to, its code, its card's secret, the last rotating code used. */
  member: (memberId: string) => ({ pk: `${MEMBER}${memberId}`, sk: "PROFILE" }),
  /** Access pattern: a member's whole card (profile, stamp ledger, rewards) in one query, for every read of it. */
  memberItems: (memberId: string): KeyPrefix => ({ pk: `${MEMBER}${memberId}`, prefix: "" }),
  /** A member code pointing at its member, created only if absent (codes are unique). */
  memberCode: (code: string) => ({ pk: `MEMBERCODE#${code}`, sk: "MEMBERCODE" }),
  /**
   * A stamp earned by a visit (the kiosk, or the joining answer): one per member, store and store-local day,
   * whatever the number of answers or kiosks, because the key is exactly that and it is put only if absent.
   */
  visitStamp: (memberId: string, storeId: string, date: string) => ({
    pk: `${MEMBER}${memberId}`,
    sk: `${STAMP}visit#${storeId}#${date}`,
  }),
  /** A stamp added by staff (or a purchase), keyed by the request's idempotency key. */
  keyedStamp: (memberId: string, kind: "staff" | "purchase", key: string) => ({
    pk: `${MEMBER}${memberId}`,
    sk: `${STAMP}${kind}#${key}`,
  }),
  /** A reward of a member: issued (its stamps locked), redeemed or cancelled. */
  reward: (memberId: string, rewardId: string) => ({ pk: `${MEMBER}${memberId}`, sk: `REWARD#${rewardId}` }),
  // ── Integrations (issue 14): keys, purchases, webhook endpoints and their outbox ────────────────────────
  // Hot partitions: keys, purchases, endpoints and messages each live in their own partition. The shared index
  // partitions: `INTKEYS` and `WHEPS` change only when an admin acts; `PURCHASES#<personId>` takes one person's
  // purchases; `WHDUE#<shard>`/`WHSENDING#<shard>` are written three times per delivery, spread over
  // WEBHOOK_SHARDS by the message's hash (10,000 stores × 60 answers an hour to one endpoint subscribed to
  // answer.stored is 167 messages a second: about 63 index writes a second per shard, against 1,000);
  // `WHLOG#<endpointId>` takes one endpoint's messages once each.

  /** An integration key by id: its scopes and the SHA-256 of its secret. Read consistently on every request. */
  integrationKey: (keyId: string) => ({ pk: `INTKEY#${keyId}`, sk: "INTKEY" }),
  /** gsi1: every integration key by creation time, for the Integrations page. */
  integrationKeyIndex: (createdAt: string, keyId: string) => ({ gsi1pk: "INTKEYS", gsi1sk: `${createdAt}#${keyId}` }),
  /** Access pattern: every integration key (read newest first). */
  allIntegrationKeys: (): KeyPrefix => ({ index: "gsi1", pk: "INTKEYS", prefix: "" }),

  /**
   * A purchase, keyed by its store and the point of sale's external id: the key is the idempotency key, so a
   * retried purchase finds itself and is counted once.
   */
  purchase: (storeId: string, externalId: string) => ({ pk: `PURCHASE#${storeId}#${externalId}`, sk: "PURCHASE" }),
  /** gsi2 (sparse, only purchases of a known person): a person's purchases by time. */
  personPurchaseIndex: (personId: string, atUtc: string, purchaseId: string) => ({
    gsi2pk: `PURCHASES#${personId}`,
    gsi2sk: `${atUtc}#${purchaseId}`,
  }),
  /** Access pattern (the effect report): a person's purchases between two instants (UTC ISO), oldest first. */
  personPurchases: (personId: string, fromUtc: string, toUtc: string): KeySpan => ({
    index: "gsi2",
    pk: `PURCHASES#${personId}`,
    from: fromUtc,
    to: `${toUtc}${END}`,
  }),

  /** A webhook endpoint, with its sealed secrets. */
  webhookEndpoint: (endpointId: string) => ({ pk: `WHEP#${endpointId}`, sk: "WHEP" }),
  /** gsi1: every endpoint by creation time. */
  webhookEndpointIndex: (createdAt: string, endpointId: string) => ({
    gsi1pk: "WHEPS",
    gsi1sk: `${createdAt}#${endpointId}`,
  }),
  /** Access pattern: every webhook endpoint (the stream reads them once per batch). */
  allWebhookEndpoints: (): KeyPrefix => ({ index: "gsi1", pk: "WHEPS", prefix: "" }),
  /** A webhook message (one event for one endpoint), keyed by its `webhook-id`, derived from both. */
  webhookMessage: (messageId: string) => ({ pk: `WHMSG#${messageId}`, sk: "WHMSG" }),
  /** gsi1 while pending: by the time of its next attempt, on one of WEBHOOK_SHARDS shards. */
  dueWebhookIndex: (messageId: string, at: string) => ({
    gsi1pk: `WHDUE#${shardOfMessage(messageId, WEBHOOK_SHARDS)}`,
    gsi1sk: `${at}#${messageId}`,
  }),
  /** Access pattern: one shard's pending messages due at or before `now`, oldest first. */
  dueWebhooks: (shard: number, now: string): KeySpan => ({
    index: "gsi1",
    pk: `WHDUE#${shard}`,
    from: "0",
    to: `${now}#${END}`,
  }),
  /** gsi1 while being sent: by claim time, to find claims whose sender died. */
  sendingWebhookIndex: (messageId: string, claimedAt: string) => ({
    gsi1pk: `WHSENDING#${shardOfMessage(messageId, WEBHOOK_SHARDS)}`,
    gsi1sk: `${claimedAt}#${messageId}`,
  }),
  /** Access pattern: one shard's messages claimed before `before`. */
  staleWebhookClaims: (shard: number, before: string): KeySpan => ({
    index: "gsi1",
    pk: `WHSENDING#${shard}`,
    from: "0",
    to: before,
  }),
  /** gsi2: an endpoint's messages by creation time (the delivery log). */
  webhookLogIndex: (endpointId: string, createdAt: string, messageId: string) => ({
    gsi2pk: `WHLOG#${endpointId}`,
    gsi2sk: `${createdAt}#${messageId}`,
  }),
  /** Access pattern: an endpoint's delivery log (read newest first, a page at a time). */
  webhookLog: (endpointId: string): KeyPrefix => ({ index: "gsi2", pk: `WHLOG#${endpointId}`, prefix: "" }),
  /** The contact id of a consent record's key (stream records carry keys). */
  contactOfRecordKey: (pk: string, sk: string) =>
    pk.startsWith("CONTACT#") && sk.startsWith(CONSENT) ? pk.slice("CONTACT#".length) : undefined,

  // ── The effect report (issue 14) ──────────────────────────────────────────────────────────────────────
  // A person's exposures live in the contact's partition (erasure removes them with the contact; the rule's
  // counters, anonymous, stay). A rule's counters are one partition per rule, one item per UTC day, revision
  // and shard (EFFECT_SHARDS, by the person), so a year's report reads at most 365 × revisions × EFFECT_SHARDS
  // small items whatever the answers.

  /** An exposure of a contact to a rule (treatment or holdout), by exposure time, with its outcomes so far. */
  exposure: (contactId: string, at: string, ruleId: string) => ({
    pk: `CONTACT#${contactId}`,
    sk: `${EXPOSURE}${at}#${ruleId}`,
  }),
  /** Access pattern: a contact's exposures made in [fromUtc, toUtc) (an event credits those of 60 days). */
  contactExposures: (contactId: string, fromUtc: string, toUtc: string): KeySpan => ({
    pk: `CONTACT#${contactId}`,
    from: `${EXPOSURE}${fromUtc}`,
    // `#` sorts before every digit of a time: everything made strictly before `toUtc`.
    to: `${EXPOSURE}${toUtc}`,
  }),
  /** Marks that a contact was exposed under a rule revision, so only the first exposure counts. */
  exposedMark: (contactId: string, ruleId: string, revision: string) => ({
    pk: `CONTACT#${contactId}`,
    sk: `EXPOSED#${ruleId}#${revision}`,
  }),
  /** A rule's counters of one UTC exposure day and revision, on one shard. */
  effectDay: (ruleId: string, date: string, revision: string, contactId: string) => ({
    pk: `EFFECT#${ruleId}`,
    sk: `${DAY}${date}#${revision}#${effectShard(contactId)}`,
  }),
  /** Access pattern: a rule's counters over UTC dates `from`..`to` (every revision and shard). */
  effectDays: (ruleId: string, from: string, to: string): KeySpan => ({
    pk: `EFFECT#${ruleId}`,
    from: `${DAY}${from}`,
    to: `${DAY}${to}#${END}`,
  }),

  /** The item /v1/health reads: it need not exist, the read only proves the table answers. */
  health: () => ({ pk: "HEALTH", sk: "HEALTH" }),
} as const;

/** Shards of the due and claimed message indexes; the dispatcher reads each. */
export const MESSAGE_SHARDS = 4;

/** Shards of the webhook outbox's due and sending indexes; the webhook dispatcher reads each. */
export const WEBHOOK_SHARDS = 8;
/**
 * Shards of a rule's effect counters per day and revision. One: the report reads a year as about 365 items per
 * revision at any volume (`npm run bench -- effect`: with 4 shards a year at 1M answers read 1,464 items and
 * took 2.8 times as long as at 10k). Exposures and credits of one rule's day meet on its item, as a store's
 * answers meet on its day item, and the rare conflict is retried (`transact`). Earlier shards keep being read.
 */
export const EFFECT_SHARDS = 1;

function effectShard(contactId: string): number {
  return fnv1a(contactId) % EFFECT_SHARDS;
}

function fnv1a(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function messageShard(messageId: string): number {
  return shardOfMessage(messageId, MESSAGE_SHARDS);
}

/** FNV-1a of a message id, modulo `shards`. */
function shardOfMessage(messageId: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < messageId.length; i++) {
    h ^= messageId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

function orgMonthShard(month: string, shard: number): string {
  return `ORGMONTH#${month}#${shard}`;
}

/** FNV-1a of the store id, modulo ORG_SHARDS. */
export function shardOf(storeId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < storeId.length; i++) {
    h ^= storeId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % ORG_SHARDS;
}
