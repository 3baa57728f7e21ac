/** POST /v1/integration-keys: a key scoped to stores and permissions; the answer holds its secret, once (admin). */
import { CreateIntegrationKeyRequest } from "@sonrisa/shared/schemas/integrations";
import { createIntegrationKey, type IntegrationKeyDeps } from "../domain/integration-keys.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: IntegrationKeyDeps): Main<CreateIntegrationKeyRequest, unknown> {
  return async ({ body, auth }) => json(201, await createIntegrationKey(deps, auth!.sub, body));
}

export const handler = httpApi("create-integration-key", { body: CreateIntegrationKeyRequest }, wired(makeMain));
