/** POST /v1/auth/staff: the store PIN or a named member's PIN to a staff token; 429 while this client is throttled. */
import { StaffLoginRequest } from "@sonrisa/shared/schemas/auth";
import { type AuthDeps, loginStaff, pairedKiosk } from "../domain/auth.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AuthDeps): Main<StaffLoginRequest, unknown> {
  return async ({ body, client, event }) => {
    // A paired kiosk's staff corner sends its device token: its failures count per device, not per address.
    const bearer = /^Bearer\s+(\S+)$/i.exec(event.headers?.authorization ?? "")?.[1];
    const deviceId = await pairedKiosk(deps, bearer, body.storeId);
    return json(200, await loginStaff(deps, body.storeId, body.pin, { address: client, deviceId }));
  };
}

export const handler = httpApi("login-staff", { body: StaffLoginRequest }, wired(makeMain));
