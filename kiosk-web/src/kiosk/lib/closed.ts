/**
 * Whether the kiosk takes answers now: an archived store's never; an event's (a stand's) only from its
 * first to its last day, in the store's own time zone. Checked on the tablet, so it holds offline too.
 */
import type { KioskConfig } from "@sonrisa/shared/schemas/store";

export type ClosedReason = "archived" | "not-yet" | "over";

export function closedReason(
  config: Pick<KioskConfig, "archivedAt" | "event" | "timeZone">,
  now: number,
): ClosedReason | undefined {
  if (config.archivedAt) return "archived";
  if (!config.event) return undefined;
  const today = localDate(now, config.timeZone);
  if (today < config.event.start) return "not-yet";
  if (today > config.event.end) return "over";
  return undefined;
}

/** YYYY-MM-DD in the zone (the en-CA calendar writes dates that way). */
function localDate(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
