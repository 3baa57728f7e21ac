/** POST /v1/kiosk/heartbeat: an idle kiosk says it is alive, with its queue depth, version and undelivered answers. */
import { KioskStatus } from "@sonrisa/shared/schemas/responses";
import { type KioskDeps, reportKioskStatus } from "../domain/kiosk.ts";
import type { Clock } from "../domain/ports/clock.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: KioskDeps & { clock: Clock }): Main<KioskStatus, unknown> {
  return async ({ body, auth }) => {
    await reportKioskStatus(deps, auth!, body);
    return json(204, undefined);
  };
}

export const handler = httpApi(
  "post-kiosk-heartbeat",
  { body: KioskStatus },
  wired((deps) => makeMain({ ...deps, stores: deps.hot.stores, devices: deps.hot.devices })),
);
