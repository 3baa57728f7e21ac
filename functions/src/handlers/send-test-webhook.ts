/** POST /v1/webhook-endpoints/{endpointId}/test: a test event of a type, real payload shape, sent at once (admin). */
import { SendTestEventRequest } from "@sonrisa/shared/schemas/webhooks";
import type { z } from "zod";
import type { WebhookDeliveryDeps } from "../domain/webhook-delivery.ts";
import { sendTestEvent } from "../domain/webhook-messages.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

type Body = z.infer<typeof SendTestEventRequest>;

export function makeMain(deps: WebhookDeliveryDeps): Main<Body, unknown> {
  return async ({ body, params }) => json(201, await sendTestEvent(deps, params.endpointId!, body.eventType));
}

export const handler = httpApi("send-test-webhook", { body: SendTestEventRequest }, wired(makeMain));
