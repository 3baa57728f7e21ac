/**
 * From events to the webhook outbox: each event an endpoint takes becomes one message for that endpoint, whose id
 * (the `webhook-id`) derives from the endpoint, the event type and the source item's id. The stream consumer
 * calls `webhookQueue(deps).queue(record)` for each record: a record delivered twice proposes the same ids, and
 * the outbox puts each only if absent. Work outside the stream may emit an event with `queueEvent`.
 */
import { createHash } from "node:crypto";
import type { WebhookData, WebhookEventType } from "@sonrisa/shared/schemas/webhooks";
import type { Clock } from "./ports/clock.ts";
import type { Ids } from "./ports/ids.ts";
import type { WebhookEndpointRecord, WebhookEndpointRepository } from "./ports/webhook-endpoint-repository.ts";
import type { WebhookMessageRecord, WebhookOutbox } from "./ports/webhook-outbox.ts";
import type { SourceEvent, WebhookSources } from "./ports/webhook-sources.ts";
import { sampleData } from "./webhook-samples.ts";

export interface WebhookQueueDeps {
  webhookEndpoints: WebhookEndpointRepository;
  webhookOutbox: WebhookOutbox;
  webhookSources: WebhookSources;
  clock: Clock;
}

/** The `webhook-id` of an event for an endpoint: the same however often the event is queued. */
export function messageIdFor(endpointId: string, type: WebhookEventType, sourceId: string): string {
  return `msg_${createHash("sha256").update(`${endpointId}|${type}|${sourceId}`).digest("base64url").slice(0, 27)}`;
}

function messageFor(endpointId: string, event: SourceEvent, now: string, test: boolean, messageId: string) {
  const message: WebhookMessageRecord = {
    messageId,
    endpointId,
    eventType: event.type,
    sourceId: event.sourceId,
    occurredAt: event.occurredAt || now,
    data: event.data,
    ...(event.contactId ? { contactId: event.contactId } : {}),
    test,
    status: "pending",
    createdAt: now,
    nextAttemptAt: now,
    round: 0,
    attempts: [],
  };
  return message;
}

/** Puts one message per active endpoint that takes the event; returns how many were new. */
export async function queueEvent(
  deps: Pick<WebhookQueueDeps, "webhookOutbox" | "clock">,
  event: SourceEvent,
  endpoints: WebhookEndpointRecord[],
): Promise<number> {
  const now = deps.clock.now().toISOString();
  let added = 0;
  for (const endpoint of endpoints) {
    if (!endpoint.active || !endpoint.events.includes(event.type)) continue;
    const id = messageIdFor(endpoint.endpointId, event.type, event.sourceId);
    if (await deps.webhookOutbox.put(messageFor(endpoint.endpointId, event, now, false, id))) added++;
  }
  return added;
}

/** The stream's side: reads the endpoints once per batch (the consumer makes one queue per batch). */
export function webhookQueue(deps: WebhookQueueDeps) {
  let endpoints: Promise<WebhookEndpointRecord[]> | undefined;
  return {
    async queue(record: unknown): Promise<number> {
      const event = deps.webhookSources.read(record);
      if (!event) return 0;
      endpoints ??= deps.webhookEndpoints.list();
      return queueEvent(deps, event, await endpoints);
    },
  };
}

/** A test message for an endpoint: the real payload shape with made-up data, a fresh id each time. */
export function testMessage(
  deps: { clock: Clock; ids: Ids },
  endpointId: string,
  type: WebhookEventType,
): WebhookMessageRecord {
  const now = deps.clock.now().toISOString();
  const sourceId = `test.${deps.ids.uuid()}`;
  const event: SourceEvent = { type, sourceId, occurredAt: now, data: sampleData(type, now) };
  return messageFor(endpointId, event, now, true, messageIdFor(endpointId, type, sourceId));
}

/**
 * The event of a redeemed reward, which the stream's source reader returns for the reward item's change to
 * `redeemed`. Its id keys the messages: one per reward.
 */
export function rewardRedeemedEvent(reward: WebhookData<"reward.redeemed">): SourceEvent {
  return { type: "reward.redeemed", sourceId: reward.rewardId, occurredAt: reward.redeemedAt, data: reward };
}
