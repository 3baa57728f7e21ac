/** GET /v1/integration-keys: every integration key with its prefix, scopes and last use, never a secret (admin). */
import { type IntegrationKeyDeps, listIntegrationKeys } from "../domain/integration-keys.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: IntegrationKeyDeps): Main<undefined, unknown> {
  return async () => json(200, await listIntegrationKeys(deps));
}

export const handler = httpApi("list-integration-keys", {}, wired(makeMain));
