/** The system clock, the one place outside tests that reads the time. */
import type { Clock } from "../domain/ports/clock.ts";

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock moved by `offsetMs` (local stack only, SONRISA_CLOCK_OFFSET_MS): tests that must not
 * depend on the hour they run at (a store's midnight) run the handlers on a chosen day and hour.
 */
export function offsetClock(offsetMs: number): Clock {
  return { now: () => new Date(Date.now() + offsetMs) };
}

/** A clock stopped at one instant (the demo history runs each past answer at the time it was tapped). */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}
