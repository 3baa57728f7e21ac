/** Webhook endpoints an admin registered, with their signing secrets sealed (secret-box.ts). */
import type { WebhookEventType } from "@sonrisa/shared/schemas/webhooks";

export interface SealedSecret {
  sealed: string;
  /** `whsec_` and the first 4 characters, to tell secrets apart in the dashboard */
  prefix: string;
  createdAt: string;
  /** set on a previous secret after a rotation: it signs too until then */
  expiresAt?: string;
}

export interface WebhookEndpointRecord {
  endpointId: string;
  url: string;
  events: WebhookEventType[];
  description?: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** the current secret first, then previous ones still in their overlap */
  secrets: SealedSecret[];
  /** bumped by every change, so two changes at once never lose one */
  version: number;
}

export interface WebhookEndpointRepository {
  create(endpoint: WebhookEndpointRecord): Promise<void>;
  get(endpointId: string): Promise<WebhookEndpointRecord | undefined>;
  /** Every endpoint (an organisation has a handful). */
  list(): Promise<WebhookEndpointRecord[]>;
  /** Saves the endpoint if its version is still `expectedVersion`; false on a race. */
  save(endpoint: WebhookEndpointRecord, expectedVersion: number): Promise<boolean>;
}
