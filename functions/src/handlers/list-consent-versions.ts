/** GET /v1/stores/{storeId}/consents: every consent version the store showed, with its exact text and hashes. */
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import { listConsentVersions } from "../domain/stores.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: { stores: StoreRepository }): Main<undefined, unknown> {
  return async ({ params }) => json(200, { consents: await listConsentVersions(deps, params.storeId) });
}

export const handler = httpApi("list-consent-versions", {}, wired(makeMain));
