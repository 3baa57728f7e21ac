/** GET /v1/health: ok when the table answers, 503 with Retry-After within a second when it does not. */
import type { HealthCheck } from "../domain/ports/health-check.ts";
import { unavailable } from "../middleware/error-mapper.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { health: HealthCheck }): Main<undefined, unknown> {
  return async () => {
    try {
      await deps.health.ping();
      return json(200, { ok: true });
    } catch {
      return unavailable("health check", 2, { ok: false });
    }
  };
}

export const handler = httpApi("get-health", {}, wired(makeMain));
