/** POST /v1/webhook-endpoints/{endpointId}/rotate-secret: a new secret; the old one signs too for the overlap (admin). */
import { RotateWebhookSecretRequest } from "@sonrisa/shared/schemas/webhooks";
import { rotateSecret, type WebhookEndpointDeps } from "../domain/webhook-endpoints.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: WebhookEndpointDeps): Main<RotateWebhookSecretRequest, unknown> {
  return async ({ body, params }) => json(200, await rotateSecret(deps, params.endpointId!, body.overlapHours));
}

export const handler = httpApi("rotate-webhook-secret", { body: RotateWebhookSecretRequest }, wired(makeMain));
