/**
 * POST /v1/purchases: a sale from a point of sale (an integration key with purchases:write for the store).
 * Idempotent by store and external id: a retry gets the same answer, marked `Idempotent-Replayed: true`.
 */
import { PurchaseRequest } from "@sonrisa/shared/schemas/integrations";
import { type PurchaseDeps, recordPurchase } from "../domain/purchases.ts";
import { httpApi, type Main } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { wired } from "../wiring.ts";

export function makeMain(deps: PurchaseDeps): Main<PurchaseRequest, unknown> {
  return async ({ body, auth }) => {
    const { status, purchase, replayed } = await recordPurchase(deps, auth, body);
    return json(status, { purchase }, replayed ? { "idempotent-replayed": "true" } : {});
  };
}

export const handler = httpApi("record-purchase", { body: PurchaseRequest }, wired(makeMain));
