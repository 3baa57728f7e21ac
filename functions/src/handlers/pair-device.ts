/** POST /v1/devices/pair: a pairing code to a device token for that code's store. */
import { PairRequest } from "@sonrisa/shared/schemas/auth";
import { pairDevice } from "../domain/auth.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { authDeps } from "../wiring.ts";

async function main({ body }: ApiRequest<PairRequest, unknown>) {
  return json(200, await pairDevice(authDeps(), body.code));
}

export const handler = httpApi("pair-device", { body: PairRequest }, main);
