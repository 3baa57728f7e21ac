/** Reads a record of the table's stream as the webhook event it stands for; the stream's format stays in the adapter. */
import type { WebhookEventType } from "@sonrisa/shared/schemas/webhooks";

export interface SourceEvent {
  type: WebhookEventType;
  /** the id of the item it came from: with the endpoint, it keys the message */
  sourceId: string;
  occurredAt: string;
  /** the payload's data, without personal data */
  data: Record<string, unknown>;
  /** events that carry a contact's personal data (added at send time, while consent is active) */
  contactId?: string;
}

export interface WebhookSources {
  /** The event, or undefined for a record no webhook reports. */
  read(record: unknown): SourceEvent | undefined;
}
