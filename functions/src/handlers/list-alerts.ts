/** GET /v1/alerts?storeId&status: alerts of a store or of every store (a manager: its own), newest first. */
import { AlertsQuery } from "@sonrisa/shared/schemas/alerts";
import { type AlertDeps, listAlerts } from "../domain/alerts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AlertDeps): Main<undefined, AlertsQuery> {
  return async ({ query, auth }) => json(200, { alerts: await listAlerts(deps, query, auth) });
}

export const handler = httpApi("list-alerts", { query: AlertsQuery }, wired(makeMain));
