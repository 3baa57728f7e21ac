/** GET /v1/stores/{storeId}/alert-settings: when the store's managers are alerted, and who else is. */
import { type AlertDeps, alertSettings } from "../domain/alerts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AlertDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await alertSettings(deps, params.storeId ?? ""));
}

export const handler = httpApi("get-alert-settings", {}, wired(makeMain));
