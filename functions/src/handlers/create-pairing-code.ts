/** POST /v1/stores/{storeId}/pairing-codes: a one-time code, valid 15 minutes, to pair a kiosk. */
import { StoreId } from "@sonrisa/shared/schemas/common";
import { type AuthDeps, createPairingCode } from "../domain/auth.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: AuthDeps): Main<undefined, unknown> {
  return async ({ params }) => json(201, await createPairingCode(deps, StoreId.parse(params.storeId)));
}

export const handler = httpApi("create-pairing-code", {}, wired(makeMain));
