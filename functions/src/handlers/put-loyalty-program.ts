/** PUT /v1/loyalty-program: replaces the programme, validated as a whole; each change is kept as a revision. */
import { LoyaltyProgram } from "@sonrisa/shared/schemas/loyalty";
import { type ProgramDeps, replaceProgram } from "../domain/loyalty-program.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: ProgramDeps): Main<LoyaltyProgram, unknown> {
  return async ({ body, auth }) => json(200, await replaceProgram(deps, auth!, body));
}

export const handler = httpApi("put-loyalty-program", { body: LoyaltyProgram }, wired(makeMain));
