/** PUT /v1/stores/{storeId}/alert-settings: replaces the store's alert settings. */
import { AlertSettings } from "@sonrisa/shared/schemas/alerts";
import { type AlertDeps, putAlertSettings } from "../domain/alerts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AlertDeps): Main<AlertSettings, unknown> {
  return async ({ params, body, auth }) => json(200, await putAlertSettings(deps, params.storeId ?? "", body, auth!));
}

export const handler = httpApi("put-alert-settings", { body: AlertSettings }, wired(makeMain));
