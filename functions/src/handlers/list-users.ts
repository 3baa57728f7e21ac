/** GET /v1/users: every dashboard user with role, stores and status (admin). */
import { listUsers, type UserDeps } from "../domain/users.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: Pick<UserDeps, "users">): Main<undefined, unknown> {
  return async () => json(200, { users: await listUsers(deps) });
}

export const handler = httpApi("list-users", {}, wired(makeMain));
