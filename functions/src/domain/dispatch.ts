/**
 * The dispatcher: claims each due message with a conditional write before sending it, then records what
 * happened. A crash between the claim and the record leaves the message `claimed`; after CLAIM_TIMEOUT_MS it
 * is marked `unknown`, shown as such, and never sent again.
 */
import type { Clock } from "./ports/clock.ts";
import type { Ids } from "./ports/ids.ts";
import type { Mailer, SendResult } from "./ports/mailer.ts";
import type { MessageRecord, MessageRepository, Settlement } from "./ports/message-repository.ts";
import type { SmsSender } from "./ports/sms-sender.ts";

/** A claim older than this with no outcome is `unknown` (a sender lives 1 minute in AWS). */
export const CLAIM_TIMEOUT_MS = 10 * 60_000;
/** A message certainly not sent (no connection, a temporary refusal) is tried this many times. */
export const MAX_ATTEMPTS = 5;

export interface DispatchDeps {
  messages: MessageRepository;
  mailer: Mailer;
  sms: SmsSender;
  clock: Clock;
  ids: Ids;
}

export interface DispatchOptions {
  /** messages read per run */
  limit?: number;
  /** messages in flight at once */
  concurrency?: number;
}

export type DispatchSummary = Record<"sent" | "failed" | "unknown" | "retry" | "skipped" | "expired" | "stale", number>;

/** One run: stale claims become unknown, then every due message is claimed, sent and settled. */
export async function dispatchDue(deps: DispatchDeps, opts: DispatchOptions = {}): Promise<DispatchSummary> {
  const summary: DispatchSummary = { sent: 0, failed: 0, unknown: 0, retry: 0, skipped: 0, expired: 0, stale: 0 };
  const now = deps.clock.now();
  for (const m of await deps.messages.staleClaims(new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString(), 100)) {
    if (await deps.messages.markUnknown(m, now.toISOString())) summary.stale++;
  }
  const due = await deps.messages.due(now.toISOString(), opts.limit ?? 500);
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const message = due[next++]!;
      summary[await sendOne(deps, message)]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, due.length) }, worker));
  return summary;
}

async function sendOne(deps: DispatchDeps, message: MessageRecord): Promise<keyof DispatchSummary> {
  const now = deps.clock.now();
  if (message.expiresAt && now.toISOString() > message.expiresAt) {
    return (await deps.messages.close(message, "expired", "not sent in time", now.toISOString()))
      ? "expired"
      : "skipped";
  }
  const claimId = deps.ids.uuid();
  if ((await deps.messages.claim(message, claimId, now.toISOString())) !== "claimed") return "skipped";
  const result = await send(deps, message);
  const settlement = settlementOf(result, message, deps.clock.now());
  await deps.messages.settle(message, claimId, settlement, deps.clock.now().toISOString());
  return settlement.status === "pending" ? "retry" : settlement.status;
}

function send(deps: DispatchDeps, m: MessageRecord): Promise<SendResult> {
  if (m.channel === "sms") return deps.sms.send({ to: m.to[0] ?? "", text: m.text, reference: m.messageId });
  // The message id (answer and rule, no personal data) traces a mail back to its message.
  const headers: Record<string, string> = {
    "X-Sonrisa-Message": m.messageId,
    ...(m.unsubscribeUrl
      ? { "List-Unsubscribe": `<${m.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
      : {}),
  };
  return deps.mailer.send({
    to: m.to,
    subject: m.subject ?? "",
    text: m.text,
    ...(m.html ? { html: m.html } : {}),
    headers,
    reference: m.messageId,
  });
}

function settlementOf(result: SendResult, m: MessageRecord, now: Date): Settlement {
  switch (result.outcome) {
    case "sent":
      return { status: "sent", ...(result.providerId ? { providerId: result.providerId } : {}) };
    case "rejected":
      return { status: "failed", reason: result.reason };
    case "unknown":
      return { status: "unknown", reason: result.reason };
    case "retry": {
      if (m.attempts + 1 >= MAX_ATTEMPTS) return { status: "failed", reason: `gave up: ${result.reason}` };
      const wait = 60_000 * 2 ** m.attempts; // 1, 2, 4, 8 minutes
      return { status: "pending", reason: result.reason, retryAt: new Date(now.getTime() + wait).toISOString() };
    }
  }
}
