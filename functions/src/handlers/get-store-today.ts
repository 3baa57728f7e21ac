/** GET /v1/stores/{storeId}/today: today's answers, CSAT, gifts and opt-ins for the staff console. */
import { storeToday, type TodayDeps } from "../domain/store-today.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: TodayDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await storeToday(deps, params.storeId));
}

export const handler = httpApi("get-store-today", {}, wired(makeMain));
