/** GET /v1/kiosk/config: the paired store's question, scale, reasons, consent and timeouts. */
import { getKioskConfig, type KioskDeps } from "../domain/kiosk.ts";
import type { LoyaltyProgramRepository } from "../domain/ports/loyalty-program-repository.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: KioskDeps & { program: LoyaltyProgramRepository }): Main<undefined, unknown> {
  return async ({ auth }) => json(200, await getKioskConfig(deps, auth!), { "cache-control": "private, max-age=60" });
}

export const handler = httpApi("get-kiosk-config", {}, wired(makeMain));
