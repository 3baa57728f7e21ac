/** POST /v1/auth/staff: a store's staff PIN to a staff token; 429 while the store's PIN is locked. */
import { StaffLoginRequest } from "@sonrisa/shared/schemas/auth";
import { loginStaff } from "../domain/auth.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { authDeps } from "../wiring.ts";

async function main({ body }: ApiRequest<StaffLoginRequest, unknown>) {
  return json(200, await loginStaff(authDeps(), body.storeId, body.pin));
}

export const handler = httpApi("login-staff", { body: StaffLoginRequest }, main);
