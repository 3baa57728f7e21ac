/** POST /v1/auth/login: e-mail and password to an admin or marketing token. */
import { LoginRequest } from "@sonrisa/shared/schemas/auth";
import { loginUser } from "../domain/auth.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { authDeps } from "../wiring.ts";

async function main({ body }: ApiRequest<LoginRequest, unknown>) {
  return json(200, await loginUser(authDeps(), body.email, body.password));
}

export const handler = httpApi("login-user", { body: LoginRequest }, main);
