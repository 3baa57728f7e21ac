/** GET /v1/stores/{storeId}/staff: the store PIN's state and the named staff members (admin, the store's manager). */
import { listStaff, type StaffDeps } from "../domain/staff.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: StaffDeps): Main<undefined, unknown> {
  return async ({ params }) => json(200, await listStaff(deps, params.storeId));
}

export const handler = httpApi("list-staff", {}, wired(makeMain));
