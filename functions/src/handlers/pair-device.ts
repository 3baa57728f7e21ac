/** POST /v1/devices/pair: a pairing code to a device token for that code's store. */
import { PairRequest } from "@sonrisa/shared/schemas/auth";
import { type AuthDeps, pairDevice } from "../domain/auth.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AuthDeps): Main<PairRequest, unknown> {
  return async ({ body, client }) => json(200, await pairDevice(deps, body.code, client));
}

export const handler = httpApi("pair-device", { body: PairRequest }, wired(makeMain));
