/** POST /v1/webhook-endpoints: registers an endpoint; the answer holds its signing secret (admin). */
import { CreateWebhookEndpointRequest } from "@sonrisa/shared/schemas/webhooks";
import { createEndpoint, type WebhookEndpointDeps } from "../domain/webhook-endpoints.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: WebhookEndpointDeps): Main<CreateWebhookEndpointRequest, unknown> {
  return async ({ body }) => json(201, await createEndpoint(deps, body));
}

export const handler = httpApi("create-webhook-endpoint", { body: CreateWebhookEndpointRequest }, wired(makeMain));
