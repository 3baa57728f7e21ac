/** GET /v1/webhook-endpoints/{endpointId}/messages: the delivery log, newest first, with every attempt (admin). */
import { WebhookMessagesQuery } from "@sonrisa/shared/schemas/webhooks";
import type { WebhookDeliveryDeps } from "../domain/webhook-delivery.ts";
import { listMessages } from "../domain/webhook-messages.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: WebhookDeliveryDeps): Main<undefined, WebhookMessagesQuery> {
  return async ({ params, query }) => json(200, await listMessages(deps, params.endpointId!, query));
}

export const handler = httpApi("list-webhook-messages", { query: WebhookMessagesQuery }, wired(makeMain));
