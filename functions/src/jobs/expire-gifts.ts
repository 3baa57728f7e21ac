/**
 * Scheduled: expires pending gifts whose local day has ended and releases their reserved stock. Works
 * through the stores a page at a time and stops while time is left; the next run resumes after the last
 * store it finished (saved in the table), so at any number of stores every one is reached.
 */
import type { Context } from "aws-lambda";
import { logger } from "../adapters/logger.ts";
import { expireGifts, type GiftDeps } from "../domain/gifts.ts";
import type { JobStateRepository } from "../domain/ports/job-state-repository.ts";
import { wired } from "../wiring.ts";

const JOB = "expire-gifts";
/** Stores read per page. */
const STORES_PAGE = 50;
/** Time kept in hand when starting another store. */
const RESERVE_MS = 10_000;

export interface ExpireGiftsDeps extends GiftDeps {
  jobs: JobStateRepository;
}

export function makeJob(deps: ExpireGiftsDeps) {
  return async (_event: unknown, context: Context): Promise<{ expired: number; stores: number; finished: boolean }> => {
    const outOfTime = () => context.getRemainingTimeInMillis() < RESERVE_MS;
    let after = await deps.jobs.cursor(JOB);
    let expired = 0;
    let stores = 0;
    const pause = async () => {
      await deps.jobs.saveCursor(JOB, after, deps.clock.now().toISOString());
      logger.info("gift expiry paused, the next run goes on", { expired, stores });
      return { expired, stores, finished: false };
    };
    for (;;) {
      const page = await deps.stores.page(after, STORES_PAGE);
      for (const store of page.items) {
        if (outOfTime()) return pause();
        const done = await expireGifts(deps, store, outOfTime);
        expired += done.expired;
        if (!done.finished) return pause(); // out of time within this store: the next run starts with it again
        stores += 1;
        after = store.storeId;
      }
      if (!page.cursor) break;
    }
    await deps.jobs.saveCursor(JOB, undefined, deps.clock.now().toISOString());
    if (expired > 0) logger.info("expired gifts", { expired, stores });
    return { expired, stores, finished: true };
  };
}

export const handler = wired(makeJob);
