/** When a message may leave: store-local sending hours, so one due at night waits for the morning. */
import { addDays, localParts, zonedToUtc } from "@sonrisa/shared/time";

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** The local minute of the day (0–1439) of an instant in a zone. */
function localMinute(instant: Date, timeZone: string): number {
  let f = minuteFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    minuteFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/** The instant a local date's HH:MM begins in a zone. */
function localTime(date: string, hhmm: string, timeZone: string): Date {
  const at = zonedToUtc(date, Number(hhmm.slice(0, 2)), timeZone);
  return new Date(at.getTime() + Number(hhmm.slice(3, 5)) * 60_000);
}

/**
 * `due` itself when it falls inside the hours (`sendFrom` inclusive, `sendUntil` exclusive; a window may span
 * midnight), else the next `sendFrom` in the store's zone.
 */
export function nextSendTime(
  due: Date,
  timeZone: string,
  hours: { sendFrom: string; sendUntil: string } | undefined,
): Date {
  if (!hours) return due;
  const from = minutesOf(hours.sendFrom);
  const until = minutesOf(hours.sendUntil);
  const now = localMinute(due, timeZone);
  const inside = from < until ? now >= from && now < until : now >= from || now < until;
  if (inside) return due;
  const { date } = localParts(due, timeZone);
  // Outside a same-day window after it closed: tomorrow's opening; before it opened (or in the gap of a
  // window spanning midnight): today's.
  const day = from < until && now >= until ? addDays(date, 1) : date;
  return localTime(day, hours.sendFrom, timeZone);
}
