/**
 * When a store-local month can be rolled up (day-aggregate.ts packs it): as soon as it has ended. A late
 * answer (kiosks sync up to 180 days late) may still land in an ended month; its transaction then counts a
 * revision of the month (answer-items.ts), the roll-up written at the older revision stops being read,
 * and the next run of the job writes it again. So a roll-up is never wrong, only sometimes not there yet,
 * and results then read that month's day items.
 */
import { addDays } from "@sonrisa/shared/time";

/** A month has ended once the store-local date is in a later month. */
export function hasEnded(month: string, today: string): boolean {
  return month < today.slice(0, 7);
}

/** The last ended month on a store-local date: the month before today's. */
export function lastEndedMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}
