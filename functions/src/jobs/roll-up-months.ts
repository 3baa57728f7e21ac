/**
 * Scheduled: writes the month roll-up of every sealed month a store lacks, so long ranges read a dozen
 * items. Stops while time is left and goes on at the next run: a roll-up is never needed for correctness
 * (results read day items for a month without one), only for speed.
 */
import { localParts } from "@sonrisa/shared/time";
import type { Context } from "aws-lambda";
import { logger } from "../adapters/logger.ts";
import type { Clock } from "../domain/ports/clock.ts";
import type { ResultsRepository } from "../domain/ports/results-repository.ts";
import type { StoreRepository } from "../domain/ports/store-repository.ts";
import { rollUpStore } from "../domain/store-periods.ts";
import { wired } from "../wiring.ts";

/** Time kept in hand when starting another store. */
const RESERVE_MS = 30_000;

interface Deps {
  stores: StoreRepository;
  results: ResultsRepository;
  clock: Clock;
}

export function makeJob(deps: Deps) {
  return async (_event: unknown, context: Context): Promise<{ months: number; finished: boolean }> => {
    const now = deps.clock.now();
    let months = 0;
    for (const store of await deps.stores.list()) {
      if (context.getRemainingTimeInMillis() < RESERVE_MS) {
        logger.info("roll-up paused, the next run goes on", { months });
        return { months, finished: false };
      }
      const written = await rollUpStore(deps.results, store.storeId, localParts(now, store.timeZone).date, now);
      if (written.length) logger.info("rolled up months", { storeId: store.storeId, months: written });
      months += written.length;
    }
    return { months, finished: true };
  };
}

export const handler = wired(makeJob);
