/** Scheduled: expires pending gifts whose local day has ended and releases their reserved stock. */
import { logger } from "../adapters/logger.ts";
import { expireGifts, type GiftDeps } from "../domain/gifts.ts";
import { wired } from "../wiring.ts";

export function makeJob(deps: GiftDeps) {
  return async (): Promise<{ expired: number }> => {
    let expired = 0;
    for (const store of await deps.stores.list()) expired += await expireGifts(deps, store);
    if (expired > 0) logger.info("expired gifts", { expired });
    return { expired };
  };
}

export const handler = wired(makeJob);
