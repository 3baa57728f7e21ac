/** DELETE /v1/devices/{deviceId}: revokes a kiosk; its token gets 401 from the next request on. */
import { type DevicesDeps, revokeDevice } from "../domain/devices.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: DevicesDeps): Main<undefined, unknown> {
  return async ({ params, auth }) => json(200, { device: await revokeDevice(deps, auth!, params.deviceId) });
}

export const handler = httpApi("revoke-device", {}, wired(makeMain));
