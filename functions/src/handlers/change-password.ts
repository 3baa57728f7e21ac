/** POST /v1/auth/password: a signed-in user changes their own password with the current one; answers a new token. */
import { ChangePasswordRequest } from "@sonrisa/shared/schemas/users";
import { changePassword, type UserDeps } from "../domain/users.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: UserDeps): Main<ChangePasswordRequest, unknown> {
  return async ({ body, auth, client }) =>
    json(200, await changePassword(deps, auth!, body.currentPassword, body.newPassword, client));
}

export const handler = httpApi("change-password", { body: ChangePasswordRequest }, wired(makeMain));
