/** GET /v1/stores/{storeId}/today: today's answers, CSAT, gifts and opt-ins for the staff console. */
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { listGifts } from "../domain/gifts.ts";
import { resolveRange, storeResults } from "../domain/results.ts";
import { requireStore } from "../domain/stores.ts";
import { type ApiRequest, httpApi } from "../middleware/http-api.ts";
import { json } from "../middleware/json.ts";
import { giftDeps, realTable } from "../wiring.ts";

async function main({ params }: ApiRequest<undefined, unknown>) {
  const deps = giftDeps();
  const store = await requireStore(deps.stores, params.storeId);
  const today = resolveRange({}, store.timeZone, deps.clock.now()).to;
  const days = await makeResultsRepository(realTable()).storeDays(store.storeId, today, today);
  const r = storeResults(store, { days, months: [] }, { from: today, to: today });
  return json(200, {
    storeId: store.storeId,
    name: store.name,
    date: today,
    total: r.total,
    csat: r.csat,
    index: r.index,
    optIns: r.optIns,
    gifts: r.gifts,
    pendingGifts: (await listGifts(deps, store, "pending")).length,
  });
}

export const handler = httpApi("get-store-today", {}, main);
