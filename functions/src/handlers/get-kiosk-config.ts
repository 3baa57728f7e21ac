/** GET /v1/kiosk/config: the paired store's question, scale, reasons, consent and timeouts. */
import { getKioskConfig } from "../domain/kiosk.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { authDeps } from "../wiring.ts";

async function main({ auth }: ApiRequest<undefined, unknown>) {
  return json(200, await getKioskConfig(authDeps(), auth!), { "cache-control": "private, max-age=60" });
}

export const handler = httpApi("get-kiosk-config", {}, main);
