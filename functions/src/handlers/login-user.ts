/** POST /v1/auth/login: e-mail and password to an admin, marketing or manager token; throttled per account and client. */
import { LoginRequest } from "@sonrisa/shared/schemas/auth";
import { type AuthDeps, loginUser } from "../domain/auth.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AuthDeps): Main<LoginRequest, unknown> {
  return async ({ body, client }) => json(200, await loginUser(deps, body.email, body.password, client));
}

export const handler = httpApi("login-user", { body: LoginRequest }, wired(makeMain));
