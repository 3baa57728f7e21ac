/** DELETE /v1/stores/{storeId}/staff/{staffId}: removes a named staff member and ends their sessions. */
import { removeStaffMember, type StaffDeps } from "../domain/staff.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StaffDeps): Main<undefined, unknown> {
  return async ({ params }) => {
    await removeStaffMember(deps, params.storeId, params.staffId ?? "");
    return json(204, undefined);
  };
}

export const handler = httpApi("delete-staff-member", {}, wired(makeMain));
