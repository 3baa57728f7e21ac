/**
 * The delivery log and what an admin does with it: replay a message (same `webhook-id`, a new schedule) and send
 * a test event with the real payload shape. Both try once at once, so the dashboard shows the outcome; a replay
 * that fails goes on by the schedule, a test event does not.
 */
import type { WebhookEventType, WebhookMessage, WebhookMessagesQuery } from "@sonrisa/shared/schemas/webhooks";
import { Conflict, NotFound } from "./errors.ts";
import type { WebhookMessageRecord } from "./ports/webhook-outbox.ts";
import { deliver, type WebhookDeliveryDeps } from "./webhook-delivery.ts";
import { getEndpoint } from "./webhook-endpoints.ts";
import { testMessage } from "./webhook-events.ts";

/** A message as the log shows it: never its data. */
export function messageView(m: WebhookMessageRecord): WebhookMessage {
  return {
    messageId: m.messageId,
    endpointId: m.endpointId,
    eventType: m.eventType,
    status: m.status,
    ...(m.reason ? { reason: m.reason } : {}),
    test: m.test,
    createdAt: m.createdAt,
    ...(m.status === "pending" && m.nextAttemptAt ? { nextAttemptAt: m.nextAttemptAt } : {}),
    ...(m.deliveredAt ? { deliveredAt: m.deliveredAt } : {}),
    attempts: m.attempts,
  };
}

export async function listMessages(deps: WebhookDeliveryDeps, endpointId: string, query: WebhookMessagesQuery) {
  await getEndpoint(deps, endpointId);
  const page = await deps.webhookOutbox.log(endpointId, query.limit ?? 25, query.cursor);
  return { messages: page.items.map(messageView), cursor: page.cursor ?? null };
}

async function activeEndpoint(deps: WebhookDeliveryDeps, endpointId: string) {
  const endpoint = await getEndpoint(deps, endpointId);
  if (!endpoint.active) throw new Conflict("This endpoint is switched off: switch it on first", "endpoint_inactive");
  return endpoint;
}

/** Sends the message again under its own id, now, and by the schedule after that if it fails. */
export async function replayMessage(deps: WebhookDeliveryDeps, endpointId: string, messageId: string) {
  await activeEndpoint(deps, endpointId);
  const message = await deps.webhookOutbox.get(messageId);
  if (!message || message.endpointId !== endpointId) throw new NotFound(`No message ${messageId} for this endpoint`);
  const replayed = await deps.webhookOutbox.replay(message, deps.clock.now().toISOString());
  if (!replayed) throw new Conflict("This message is being sent right now", "sending");
  await deliver(deps, replayed, "replay");
  return { message: messageView((await deps.webhookOutbox.get(messageId)) ?? replayed) };
}

/** A test event of `type` with made-up data, sent once at once; it shows in the log like any message. */
export async function sendTestEvent(deps: WebhookDeliveryDeps, endpointId: string, type: WebhookEventType) {
  await activeEndpoint(deps, endpointId);
  const message = testMessage(deps, endpointId, type);
  await deps.webhookOutbox.put(message);
  await deliver(deps, message, "test");
  return { message: messageView((await deps.webhookOutbox.get(message.messageId)) ?? message) };
}
