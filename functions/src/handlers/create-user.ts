/** POST /v1/users: adds an admin, marketing or manager user with a first password (admin). */
import { CreateUserRequest } from "@sonrisa/shared/schemas/users";
import { createUser, type UserDeps } from "../domain/users.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: UserDeps): Main<CreateUserRequest, unknown> {
  return async ({ body }) => json(201, { user: await createUser(deps, body) });
}

export const handler = httpApi("create-user", { body: CreateUserRequest }, wired(makeMain));
