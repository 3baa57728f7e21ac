/** PUT /v1/webhook-endpoints/{endpointId}: changes the address, events, description or on/off (admin). */
import { UpdateWebhookEndpointRequest } from "@sonrisa/shared/schemas/webhooks";
import { updateEndpoint, type WebhookEndpointDeps } from "../domain/webhook-endpoints.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: WebhookEndpointDeps): Main<UpdateWebhookEndpointRequest, unknown> {
  return async ({ body, params }) => json(200, await updateEndpoint(deps, params.endpointId!, body));
}

export const handler = httpApi("update-webhook-endpoint", { body: UpdateWebhookEndpointRequest }, wired(makeMain));
