/** Store-local calendar math on IANA zones, through Intl only (no Node, safe for the kiosk bundle). */

export interface LocalParts {
  /** YYYY-MM-DD in the store's zone */
  date: string;
  /** 0–23 */
  hour: number;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fields(instant: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return out;
}

/** The local date, hour and weekday of an instant in a zone. */
export function localParts(instant: Date | string, timeZone: string): LocalParts {
  const at = typeof instant === "string" ? new Date(instant) : instant;
  const f = fields(at, timeZone);
  const date = `${f.year}-${pad(f.month ?? 0)}-${pad(f.day ?? 0)}`;
  return { date, hour: f.hour ?? 0, weekday: weekdayOf(date) };
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const f = fields(new Date(instant), timeZone);
  const asUtc = Date.UTC(f.year ?? 0, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time begins (the first one, across a DST fold). */
export function zonedToUtc(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hour);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** The instant the given local day ends (next local midnight). */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return zonedToUtc(addDays(date, 1), 0, timeZone);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** YYYY-MM-DD of the last day of a month (YYYY-MM). */
export function lastDayOf(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** YYYY-MM of every month touched by a date range. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addDays(lastDayOf(month), 1).slice(0, 7)) {
    months.push(month);
  }
  return months;
}

/** 0 = Monday … 6 = Sunday for a calendar date. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday that starts the ISO week of a date. */
export function weekStart(date: string): string {
  return addDays(date, -weekdayOf(date));
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
