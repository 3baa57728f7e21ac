/** PUT /v1/devices/{deviceId}: renames a kiosk (an admin, or a manager of its store). */
import { RenameDeviceRequest } from "@sonrisa/shared/schemas/devices";
import { type DevicesDeps, renameDevice } from "../domain/devices.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: DevicesDeps): Main<RenameDeviceRequest, unknown> {
  return async ({ params, body, auth }) =>
    json(200, { device: await renameDevice(deps, auth!, params.deviceId, body.name) });
}

export const handler = httpApi("rename-device", { body: RenameDeviceRequest }, wired(makeMain));
