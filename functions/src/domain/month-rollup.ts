/**
 * When a store-local month is sealed, so its roll-up (day-aggregate.ts packs it) can be written once.
 *
 * A month is sealed once no answer can still land in it: ingestion refuses answers more than 30 days old,
 * whose store-local date is then at most 31 days back (a day more across a DST change), and gift counters
 * only ever go to today. After that its day items never change, so a roll-up computed once stays exact.
 */
import { addDays, lastDayOf } from "@sonrisa/shared/time";
import { MAX_PAST_MS } from "./ingestion.ts";

/** Days after a month's last day before it is sealed. */
export const SEAL_AFTER_DAYS = Math.ceil(MAX_PAST_MS / 86_400_000) + 2;

export function isSealed(month: string, today: string): boolean {
  return addDays(lastDayOf(month), SEAL_AFTER_DAYS) <= today;
}

/** The last sealed month on a store-local date. */
export function lastSealedMonth(today: string): string {
  const candidate = addDays(today, -SEAL_AFTER_DAYS).slice(0, 7);
  return isSealed(candidate, today) ? candidate : addDays(`${candidate}-01`, -1).slice(0, 7);
}
