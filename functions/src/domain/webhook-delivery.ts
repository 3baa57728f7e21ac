/**
 * Delivering webhook messages. A message is claimed with a conditional write before it is sent, so two senders
 * (two dispatcher runs, a replay and the dispatcher) never send it at once; the payload is built and signed at
 * each attempt (`webhook-timestamp` is the attempt's time), and the attempt is recorded under the claim. Failed
 * attempts follow the Standard Webhooks schedule, its last attempt moved to 24 h after the first. A claim whose
 * sender died goes back to the schedule after CLAIM_TIMEOUT_MS: receivers deduplicate by `webhook-id`.
 */
import type { WebhookAttempt } from "@sonrisa/shared/schemas/webhooks";
import type { Clock } from "./ports/clock.ts";
import type { ContactRepository } from "./ports/contact-repository.ts";
import type { Ids } from "./ports/ids.ts";
import type { SecretBox } from "./ports/secret-box.ts";
import type { WebhookEndpointRepository } from "./ports/webhook-endpoint-repository.ts";
import type { WebhookMessageRecord, WebhookOutbox, WebhookSettlement } from "./ports/webhook-outbox.ts";
import type { WebhookSender } from "./ports/webhook-sender.ts";
import { liveSecrets } from "./webhook-endpoints.ts";
import { signatureHeader } from "./webhook-signature.ts";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Waits after each failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h (the spec's), then the last attempt 24 h
 * after the first (the spec's last wait of 10 h would end at 27 h 35 min). Eight attempts in all.
 */
export const RETRY_DELAYS_MS = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  24 * HOUR - (5 * SECOND + 5 * MINUTE + 30 * MINUTE + 2 * HOUR + 5 * HOUR + 10 * HOUR),
];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claim older than this with no outcome goes back to the schedule (a sender lives 5 minutes at most). */
export const CLAIM_TIMEOUT_MS = 10 * MINUTE;
/** How long an endpoint has to answer. */
export const SEND_TIMEOUT_MS = 10 * SECOND;
/** A contact.created whose consent is not recorded yet (the grant follows the contact) waits this long, up to an hour. */
const CONSENT_WAIT_MS = 30 * SECOND;

export interface WebhookDeliveryDeps {
  webhookEndpoints: WebhookEndpointRepository;
  webhookOutbox: WebhookOutbox;
  webhookSender: WebhookSender;
  secretBox: SecretBox;
  contacts: ContactRepository;
  clock: Clock;
  ids: Ids;
}

export type Trigger = WebhookAttempt["trigger"];
export type DeliveryOutcome = "delivered" | "retry" | "failed" | "cancelled" | "waiting" | "skipped";

/** One attempt at one message, if it can be claimed. */
export async function deliver(
  deps: WebhookDeliveryDeps,
  message: WebhookMessageRecord,
  trigger: Trigger,
): Promise<DeliveryOutcome> {
  const claimId = deps.ids.uuid();
  const claimed = await deps.webhookOutbox.claim(message, claimId, deps.clock.now().toISOString());
  if (!claimed) return "skipped";
  const settle = async (s: WebhookSettlement, outcome: DeliveryOutcome) => {
    await deps.webhookOutbox.settle(claimed, claimId, s, deps.clock.now().toISOString());
    return outcome;
  };
  const endpoint = await deps.webhookEndpoints.get(claimed.endpointId);
  if (!endpoint?.active) {
    return settle({ status: "cancelled", round: claimed.round, reason: "the endpoint is switched off" }, "cancelled");
  }
  if (!claimed.test && !endpoint.events.includes(claimed.eventType)) {
    return settle(
      { status: "cancelled", round: claimed.round, reason: "the endpoint no longer takes this event" },
      "cancelled",
    );
  }
  const data = await dataToSend(deps, claimed);
  if (data === "wait") {
    const at = new Date(deps.clock.now().getTime() + CONSENT_WAIT_MS).toISOString();
    return settle({ status: "pending", round: claimed.round, nextAttemptAt: at }, "waiting");
  }
  if (typeof data === "string") return settle({ status: "cancelled", round: claimed.round, reason: data }, "cancelled");

  const started = deps.clock.now();
  const body = JSON.stringify({ type: claimed.eventType, timestamp: claimed.occurredAt, data });
  const timestamp = Math.floor(started.getTime() / 1000);
  const secrets = await Promise.all(liveSecrets(endpoint, started).map((s) => deps.secretBox.open(s.sealed)));
  const result = await deps.webhookSender.send({
    url: endpoint.url,
    body,
    timeoutMs: SEND_TIMEOUT_MS,
    headers: {
      "webhook-id": claimed.messageId,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(secrets, claimed.messageId, timestamp, body),
    },
  });
  const answered = result.outcome === "answered";
  const ok = answered && result.status >= 200 && result.status < 300;
  const attempt: WebhookAttempt = {
    at: started.toISOString(),
    status: answered ? result.status : null,
    durationMs: Math.round(result.durationMs),
    ...(ok ? {} : { error: answered ? "http" : result.outcome }),
    trigger,
  };
  const round = claimed.round + 1;
  if (ok) return settle({ status: "delivered", round, attempt }, "delivered");
  return settle(afterFailure(claimed, round, attempt, deps.clock.now()), "retry");
}

/** The next step after a failed attempt: the schedule's next wait, or failed once it is used up (tests: at once). */
function afterFailure(m: WebhookMessageRecord, round: number, attempt: WebhookAttempt, now: Date): WebhookSettlement {
  if (m.test || round >= MAX_ATTEMPTS) {
    return { status: "failed", round, attempt, reason: m.test ? "a test event is sent once" : "every attempt failed" };
  }
  const wait = RETRY_DELAYS_MS[round - 1]!;
  return { status: "pending", round, attempt, nextAttemptAt: new Date(now.getTime() + wait).toISOString() };
}

/**
 * The payload's data. A contact's personal data is added only while its consent is active: otherwise the message
 * is cancelled with a reason, or waits while a new contact's consent is still being recorded.
 */
async function dataToSend(deps: WebhookDeliveryDeps, m: WebhookMessageRecord) {
  if (!m.contactId) return m.data;
  const contact = await deps.contacts.get(m.contactId);
  if (!contact) return "the contact was erased";
  if (!contact.consent.active) {
    const young = deps.clock.now().getTime() - Date.parse(contact.createdAt) < HOUR;
    return young && !contact.consent.withdrawnAt ? "wait" : "the contact has no active consent";
  }
  return {
    ...m.data,
    consent: {
      purposes: contact.consent.purposes,
      channels: contact.consent.channels,
      ...(contact.consent.version ? { version: contact.consent.version } : {}),
    },
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    social: contact.social,
  };
}

export interface WebhookDispatchSummary {
  delivered: number;
  retry: number;
  failed: number;
  cancelled: number;
  waiting: number;
  skipped: number;
  stale: number;
}

/** One run: claims without an outcome go back to the schedule, then every due message is attempted. */
export async function dispatchDueWebhooks(
  deps: WebhookDeliveryDeps,
  opts: { limit?: number; concurrency?: number } = {},
): Promise<WebhookDispatchSummary> {
  const summary: WebhookDispatchSummary = {
    delivered: 0,
    retry: 0,
    failed: 0,
    cancelled: 0,
    waiting: 0,
    skipped: 0,
    stale: 0,
  };
  const now = deps.clock.now();
  for (const m of await deps.webhookOutbox.staleClaims(new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString(), 100)) {
    const attempt: WebhookAttempt = {
      at: m.claimedAt ?? now.toISOString(),
      status: null,
      durationMs: 0,
      error: "no_answer",
      trigger: "schedule",
    };
    if (
      m.claimId &&
      (await deps.webhookOutbox.settle(m, m.claimId, afterFailure(m, m.round + 1, attempt, now), now.toISOString()))
    )
      summary.stale++;
  }
  const due = await deps.webhookOutbox.due(now.toISOString(), opts.limit ?? 500);
  let next = 0;
  const worker = async () => {
    while (next < due.length) summary[await deliver(deps, due[next++]!, "schedule")]++;
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 16, due.length) }, worker));
  return summary;
}
