/** Scheduled: expires pending gifts whose local day has ended and releases their reserved stock. */
import { logger } from "../adapters/logger.ts";
import { expireGifts } from "../domain/gifts.ts";
import { giftDeps } from "../wiring.ts";

export async function handler(): Promise<{ expired: number }> {
  const deps = giftDeps();
  let expired = 0;
  for (const store of await deps.stores.list()) expired += await expireGifts(deps, store);
  if (expired > 0) logger.info("expired gifts", { expired });
  return { expired };
}
