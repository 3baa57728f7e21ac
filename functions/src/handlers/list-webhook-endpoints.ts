/** GET /v1/webhook-endpoints: every endpoint with its events and secret prefix, never a secret (admin). */
import { listEndpoints, type WebhookEndpointDeps } from "../domain/webhook-endpoints.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: WebhookEndpointDeps): Main<undefined, unknown> {
  return async () => json(200, await listEndpoints(deps));
}

export const handler = httpApi("list-webhook-endpoints", {}, wired(makeMain));
