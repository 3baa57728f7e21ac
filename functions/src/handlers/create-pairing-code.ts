/** POST /v1/stores/{storeId}/pairing-codes: a one-time code, valid 15 minutes, to pair a kiosk. */
import { StoreId } from "@sonrisa/shared/schemas/common";
import { createPairingCode } from "../domain/auth.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { authDeps } from "../wiring.ts";

async function main({ params }: ApiRequest<undefined, unknown>) {
  const storeId = StoreId.parse(params.storeId);
  return json(201, await createPairingCode(authDeps(), storeId));
}

export const handler = httpApi("create-pairing-code", {}, main);
