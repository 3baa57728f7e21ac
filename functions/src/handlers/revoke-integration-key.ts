/** DELETE /v1/integration-keys/{keyId}: revokes a key; its next request gets 401 (admin). */
import { type IntegrationKeyDeps, revokeIntegrationKey } from "../domain/integration-keys.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: IntegrationKeyDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await revokeIntegrationKey(deps, params.keyId!));
}

export const handler = httpApi("revoke-integration-key", {}, wired(makeMain));
