/** GET /v1/loyalty-program: the loyalty programme (a disabled default until saved) and its last revisions. */
import { type ProgramDeps, programView } from "../domain/loyalty-program.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: Pick<ProgramDeps, "program">): Main<undefined, unknown> {
  return async () => json(200, await programView(deps));
}

export const handler = httpApi("get-loyalty-program", {}, wired(makeMain));
