/** PUT /v1/users/{userId}: changes role, status or a manager's stores (admin); ends the user's sessions. */
import { UpdateUserRequest } from "@sonrisa/shared/schemas/users";
import { type UserDeps, updateUser } from "../domain/users.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: UserDeps): Main<UpdateUserRequest, unknown> {
  return async ({ body, params }) => json(200, { user: await updateUser(deps, params.userId ?? "", body) });
}

export const handler = httpApi("update-user", { body: UpdateUserRequest }, wired(makeMain));
