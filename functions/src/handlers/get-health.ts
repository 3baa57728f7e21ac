/** GET /v1/health: ok when the table answers. */
import type { HealthCheck } from "../domain/ports/health-check.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { health: HealthCheck }): Main<undefined, unknown> {
  return async () => {
    try {
      await deps.health.ping();
      return json(200, { ok: true });
    } catch {
      return json(503, { ok: false, error: { code: "unavailable", message: "The table does not answer" } });
    }
  };
}

export const handler = httpApi("get-health", {}, wired(makeMain));
