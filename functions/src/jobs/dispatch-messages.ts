/** Scheduled (every minute; every few seconds locally): sends due messages, each claimed before it is sent. */
import { logger } from "../adapters/logger.ts";
import { type DispatchDeps, dispatchDue } from "../domain/dispatch.ts";
import { wired } from "../wiring.ts";

export function makeJob(deps: DispatchDeps) {
  return async () => {
    const summary = await dispatchDue(deps, { limit: 500, concurrency: 8 });
    if (Object.values(summary).some((n) => n > 0)) logger.info("messages dispatched", summary);
    return summary;
  };
}

export const handler = wired(makeJob);
