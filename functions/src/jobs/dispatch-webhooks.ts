/** Scheduled (every minute; every 2 seconds locally): sends due webhook messages, each claimed before it is sent. */
import { logger } from "../adapters/logger.ts";
import { dispatchDueWebhooks, type WebhookDeliveryDeps } from "../domain/webhook-delivery.ts";
import { wired } from "../wiring.ts";

export function makeJob(deps: WebhookDeliveryDeps) {
  return async () => {
    const summary = await dispatchDueWebhooks(deps, { limit: 500, concurrency: 16 });
    // Counts only: never a URL, payload or secret.
    if (Object.values(summary).some((n) => n > 0)) logger.info("webhooks dispatched", { ...summary });
    return summary;
  };
}

export const handler = wired(makeJob);
