/** GET /v1/health: ok when the table answers, 503 with Retry-After within a second when it does not. */
import type { HealthResponse } from "@sonrisa/shared/schemas/common";
import type { DemoHistoryProgress } from "../domain/ports/demo-history-progress.ts";
import type { HealthCheck } from "../domain/ports/health-check.ts";
import { unavailable } from "../middleware/error-mapper.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { health: HealthCheck; demoHistory: DemoHistoryProgress }): Main<undefined, unknown> {
  return async () => {
    try {
      await deps.health.ping();
      const loading = deps.demoHistory.loading();
      const body: HealthResponse = { ok: true, ...(loading ? { demoHistory: loading } : {}) };
      return json(200, body);
    } catch {
      return unavailable("health check", 2, { ok: false });
    }
  };
}

export const handler = httpApi("get-health", {}, wired(makeMain));
