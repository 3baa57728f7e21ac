/** POST /v1/stores/{storeId}/staff: adds a named staff member with their own PIN (admin, the store's manager). */
import { CreateStaffMemberRequest } from "@sonrisa/shared/schemas/staff";
import { addStaffMember, type StaffDeps } from "../domain/staff.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StaffDeps): Main<CreateStaffMemberRequest, unknown> {
  return async ({ body, params }) =>
    json(201, { member: await addStaffMember(deps, params.storeId, body.name, body.pin) });
}

export const handler = httpApi("create-staff-member", { body: CreateStaffMemberRequest }, wired(makeMain));
