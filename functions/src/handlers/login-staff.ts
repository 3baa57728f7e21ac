/** POST /v1/auth/staff: a store's staff PIN to a staff token; 429 while the store's PIN is locked. */
import { StaffLoginRequest } from "@sonrisa/shared/schemas/auth";
import { type AuthDeps, loginStaff } from "../domain/auth.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AuthDeps): Main<StaffLoginRequest, unknown> {
  return async ({ body }) => json(200, await loginStaff(deps, body.storeId, body.pin));
}

export const handler = httpApi("login-staff", { body: StaffLoginRequest }, wired(makeMain));
