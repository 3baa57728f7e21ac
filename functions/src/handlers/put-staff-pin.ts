/** PUT /v1/stores/{storeId}/staff-pin: sets or rotates the store PIN (admin, the store's manager); ends staff sessions. */
import { StaffPinRequest } from "@sonrisa/shared/schemas/staff";
import { type StaffDeps, setStaffPin } from "../domain/staff.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StaffDeps): Main<StaffPinRequest, unknown> {
  return async ({ body, params }) => json(200, await setStaffPin(deps, params.storeId, body.pin, body.minDigits));
}

export const handler = httpApi("put-staff-pin", { body: StaffPinRequest }, wired(makeMain));
