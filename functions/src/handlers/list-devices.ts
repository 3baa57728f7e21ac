/** GET /v1/stores/{storeId}/devices: a store's kiosks with last seen, queue depth, version and revocation. */
import { type DevicesDeps, listDevices } from "../domain/devices.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: DevicesDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, { devices: await listDevices(deps, params.storeId) });
}

export const handler = httpApi("list-devices", {}, wired(makeMain));
