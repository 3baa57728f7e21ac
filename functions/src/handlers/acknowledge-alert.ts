/** POST /v1/alerts/{alertId}/acknowledge: marks the alert seen, with an optional note. */
import { AcknowledgeAlert } from "@sonrisa/shared/schemas/alerts";
import { type AlertDeps, acknowledgeAlert } from "../domain/alerts.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AlertDeps): Main<AcknowledgeAlert, unknown> {
  return async ({ params, body, auth }) =>
    json(200, { alert: await acknowledgeAlert(deps, params.alertId ?? "", body.note, auth!) });
}

export const handler = httpApi("acknowledge-alert", { body: AcknowledgeAlert }, wired(makeMain));
