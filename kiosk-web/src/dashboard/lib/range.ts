/** The period the dashboard shows: a preset (last N days up to today) or a custom from–to, in store-local dates. */
import { addDays, daysBetween, localParts } from "@sonrisa/shared/time";

export interface DateRange {
  from: string;
  to: string;
}

export const PRESETS = [7, 30, 90, 365] as const;
export type Preset = (typeof PRESETS)[number];

export type RangeChoice = { preset: Preset } | { custom: DateRange };

export const DEFAULT_CHOICE: RangeChoice = { preset: 30 };

/** The API's limit on one range. */
export const MAX_DAYS = 400;

/**
 * "Today" for an organisation spread over time zones: the latest local date among its stores, so "last 7
 * days" includes today everywhere (a store still on yesterday simply has an empty last day).
 */
export function latestToday(timeZones: string[], now = new Date()): string {
  const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dates = [deviceZone, ...timeZones].map((zone) => localParts(now, zone).date);
  return dates.sort().at(-1)!;
}

export function rangeOf(choice: RangeChoice, today: string): DateRange {
  if ("custom" in choice) return choice.custom;
  return { from: addDays(today, -(choice.preset - 1)), to: today };
}

export function isValidRange(range: DateRange): boolean {
  const dateLike = /^\d{4}-\d{2}-\d{2}$/;
  if (!dateLike.test(range.from) || !dateLike.test(range.to)) return false;
  const days = daysBetween(range.from, range.to) + 1;
  return days >= 1 && days <= MAX_DAYS;
}
