/**
 * The webhook outbox: one message per event and endpoint, keyed by both, so the stream putting it twice puts one.
 * Each change of status is a conditional write: a message is claimed by one sender, settled by that claim only.
 */
import type { WebhookAttempt, WebhookEventType, WebhookMessageStatus } from "@sonrisa/shared/schemas/webhooks";
import type { Page } from "./page.ts";

export interface WebhookMessageRecord {
  /** the `webhook-id` of every attempt */
  messageId: string;
  endpointId: string;
  eventType: WebhookEventType;
  /** the id of the item the event came from */
  sourceId: string;
  /** the payload's `timestamp`: when the event happened */
  occurredAt: string;
  /** the payload's `data`, without personal data (added at each send, while consent holds) */
  data: Record<string, unknown>;
  /** events that carry personal data: the contact it is read from at send time */
  contactId?: string;
  test: boolean;
  status: WebhookMessageStatus;
  reason?: string;
  createdAt: string;
  /** pending: when it may be sent next */
  nextAttemptAt?: string;
  /** attempts of the current schedule (a replay starts a new one) */
  round: number;
  /** every attempt, oldest first (at most the last 50) */
  attempts: WebhookAttempt[];
  claimId?: string;
  claimedAt?: string;
  deliveredAt?: string;
}

/** How a claimed message ends its attempt. */
export interface WebhookSettlement {
  status: Exclude<WebhookMessageStatus, "sending">;
  attempt?: WebhookAttempt;
  nextAttemptAt?: string;
  round: number;
  reason?: string;
}

export interface WebhookOutbox {
  /** Puts the message unless one with its id exists; false when it existed. */
  put(message: WebhookMessageRecord): Promise<boolean>;
  get(messageId: string): Promise<WebhookMessageRecord | undefined>;
  /** Pending messages whose next attempt is due at `now`, oldest first. */
  due(now: string, limit: number): Promise<WebhookMessageRecord[]>;
  /** Messages claimed before `before` whose sender never settled them. */
  staleClaims(before: string, limit: number): Promise<WebhookMessageRecord[]>;
  /** pending and due → sending under `claimId`: the message as claimed, or undefined when another sender has it or it is not due. */
  claim(message: WebhookMessageRecord, claimId: string, now: string): Promise<WebhookMessageRecord | undefined>;
  /** Ends the attempt of the claim `claimId`; false when the message is no longer under that claim. */
  settle(message: WebhookMessageRecord, claimId: string, settlement: WebhookSettlement, now: string): Promise<boolean>;
  /** Any message not being sent → pending now, with a new schedule: the message after it, or undefined while it is being sent. */
  replay(message: WebhookMessageRecord, now: string): Promise<WebhookMessageRecord | undefined>;
  /** An endpoint's messages, newest first. */
  log(endpointId: string, limit: number, cursor?: string): Promise<Page<WebhookMessageRecord>>;
}
