/** Store-local date ranges of the results routes, the comments and the export. */
import { addDays, daysBetween, localParts, zonedToUtc } from "@sonrisa/shared/time";
import { Invalid } from "./errors.ts";

export const MAX_RANGE_DAYS = 400;
export const DEFAULT_RANGE_DAYS = 30;

export interface DateRange {
  from: string;
  to: string;
}

/** `to` defaults to today in the zone, `from` to 29 days before `to`; at most 400 days. */
export function resolveRange(query: { from?: string; to?: string }, timeZone: string, now: Date): DateRange {
  const to = query.to ?? localParts(now, timeZone).date;
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
