/** Store-local date ranges of the results routes, the comments and the export. */
import { addDays, daysBetween, localParts, zonedToUtc } from "@sonrisa/shared/time";
import { Invalid } from "./errors.ts";

export const MAX_RANGE_DAYS = 400;
export const DEFAULT_RANGE_DAYS = 30;
/** No store has data before this date; with `today + 1` it bounds every range, so date math never overflows. */
export const EARLIEST_DATE = "2000-01-01";

export interface DateRange {
  from: string;
  to: string;
}

/**
 * `to` defaults to today in the zone, `from` to 29 days before `to`; at most 400 days, and both between
 * 2000-01-01 and tomorrow in the zone (a year-9999 date would overflow the month and day arithmetic).
 */
export function resolveRange(query: { from?: string; to?: string }, timeZone: string, now: Date): DateRange {
  const today = localParts(now, timeZone).date;
  const latest = addDays(today, 1);
  for (const [name, date] of [
    ["from", query.from],
    ["to", query.to],
  ] as const) {
    if (date !== undefined && (date < EARLIEST_DATE || date > latest)) {
      throw new Invalid(`\`${name}\` must be between ${EARLIEST_DATE} and ${latest}`);
    }
  }
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new Invalid("`from` must not be after `to`");
  if (days > MAX_RANGE_DAYS) throw new Invalid(`A range covers at most ${MAX_RANGE_DAYS} days`);
  return { from, to };
}

/** The instants (UTC ISO, inclusive) a range of local dates covers in a zone: from local midnight to the last ms. */
export function utcBounds(range: DateRange, timeZone: string): { fromUtc: string; toUtc: string } {
  return {
    fromUtc: zonedToUtc(range.from, 0, timeZone).toISOString(),
    toUtc: new Date(zonedToUtc(addDays(range.to, 1), 0, timeZone).getTime() - 1).toISOString(),
  };
}
