/** POST /v1/webhook-endpoints/{endpointId}/messages/{messageId}/replay: sends it again, same id, now (admin). */
import type { WebhookDeliveryDeps } from "../domain/webhook-delivery.ts";
import { replayMessage } from "../domain/webhook-messages.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: WebhookDeliveryDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await replayMessage(deps, params.endpointId!, params.messageId!));
}

export const handler = httpApi("replay-webhook-message", {}, wired(makeMain));
