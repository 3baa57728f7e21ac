/**
 * Scheduled: writes the month roll-up of every sealed month a store lacks, so long ranges read a dozen
 * items. Stops while time is left and goes on at the next run: a roll-up is never needed for correctness
 * (results read day items for a month without one), only for speed.
 */
import { localParts } from "@sonrisa/shared/time";
import type { Context } from "aws-lambda";
import { makeResultsRepository } from "../adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { logger } from "../adapters/logger.ts";
import { systemClock } from "../domain/ports.ts";
import { rollUpStore } from "../domain/store-periods.ts";
import { realTable } from "../wiring.ts";

/** Time kept in hand when starting another store. */
const RESERVE_MS = 30_000;

export async function handler(_event: unknown, context: Context): Promise<{ months: number; finished: boolean }> {
  const table = realTable();
  const results = makeResultsRepository(table);
  const now = systemClock.now();
  let months = 0;
  for (const store of await makeStoreRepository(table).list()) {
    if (context.getRemainingTimeInMillis() < RESERVE_MS) {
      logger.info("roll-up paused, the next run goes on", { months });
      return { months, finished: false };
    }
    const written = await rollUpStore(results, store.storeId, localParts(now, store.timeZone).date);
    if (written.length) logger.info("rolled up months", { storeId: store.storeId, months: written });
    months += written.length;
  }
  return { months, finished: true };
}
