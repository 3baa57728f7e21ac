/** Due messages (follow-ups and alert e-mails): made once, claimed before sending, settled once. */

import type { Lang } from "@sonrisa/shared/schemas/common";
import type { Channel, FollowUpCounts, MessageStatus } from "@sonrisa/shared/schemas/follow-ups";
import type { Page } from "./page.ts";

export interface MessageLink {
  name: "review" | "social";
  url: string;
}

export interface MessageRecord {
  /** `<answerId>.<ruleId>` for follow-ups, `alert.<alertId>` for alert e-mails, `card.<memberId>` for a card link */
  messageId: string;
  kind: "follow-up" | "alert" | "card";
  ruleId?: string;
  alertId?: string;
  answerId?: string;
  storeId: string;
  contactId?: string;
  channel: Channel;
  lang: Lang;
  status: MessageStatus;
  reason?: string;
  /** e-mail addresses or one E.164 phone */
  to: string[];
  subject?: string;
  text: string;
  html?: string;
  /** the rule's links at the time the message was made: the only places /r/ redirects to */
  links: MessageLink[];
  /** the one-click unsubscribe URL (a signed token, no personal data), for the List-Unsubscribe header */
  unsubscribeUrl?: string;
  tapAt?: string;
  /** after this a pending message is expired instead of sent */
  expiresAt?: string;
  dueAt: string;
  createdAt: string;
  /** the rule's frequency cap, checked on the contact when claimed */
  capDays?: number;
  claimedAt?: string;
  claimId?: string;
  sentAt?: string;
  providerId?: string;
  attempts: number;
  clicks: number;
  firstClickAt?: string;
  erasedAt?: string;
}

/** What stopped a claim: someone else has it, or the contact may not get it now. */
export type ClaimResult = "claimed" | "taken" | "capped" | "no-consent" | "suppressed";

/** What sending did; `retry` puts it back in the queue (nothing went out), `unknown` never resends. */
export type Settlement =
  | { status: "sent"; providerId?: string }
  | { status: "failed"; reason: string }
  | { status: "unknown"; reason: string }
  | { status: "pending"; reason: string; retryAt: string };

export interface MessageRepository {
  /** Creates it unless it exists, with its rule's counter and its link on the contact; false when it existed. */
  create(message: MessageRecord): Promise<boolean>;
  get(messageId: string): Promise<MessageRecord | undefined>;
  /** Pending messages due at `now`, oldest first. */
  due(now: string, limit: number): Promise<MessageRecord[]>;
  /** Messages claimed before `before` whose outcome was never recorded. */
  staleClaims(before: string, limit: number): Promise<MessageRecord[]>;
  /**
   * Claims a pending message for one sender, checking in the same transaction that its contact's consent is
   * active, that the contact got nothing within `capDays` (and noting this send), and that the address is
   * not suppressed; a refusal settles the message as `suppressed` or `cancelled`.
   */
  claim(message: MessageRecord, claimId: string, now: string): Promise<ClaimResult>;
  /** Records the outcome of the claim `claimId`; false when the claim is no longer its own. */
  settle(message: MessageRecord, claimId: string, outcome: Settlement, now: string): Promise<boolean>;
  /** Closes a pending message without sending it; false when it was no longer pending. */
  close(
    message: MessageRecord,
    status: "expired" | "cancelled" | "suppressed",
    reason: string,
    now: string,
  ): Promise<boolean>;
  /** A claim left without an outcome becomes `unknown`; false when it moved meanwhile. */
  markUnknown(message: MessageRecord, now: string): Promise<boolean>;
  /** Counts a click (and the first click) on the message and its rule. */
  click(message: MessageRecord, now: string): Promise<void>;
  /** A rule's messages made between two instants, newest first. */
  byRule(ruleId: string, fromUtc: string, toUtc: string, limit: number, cursor?: string): Promise<Page<MessageRecord>>;
  /** Counters per rule over UTC dates `from`..`to`. */
  counts(ruleIds: string[], from: string, to: string): Promise<Map<string, FollowUpCounts>>;
  /** Erasure: removes the recipient, the bodies and the contact link; the status and counts stay. */
  scrub(messageId: string, now: string): Promise<void>;
}
