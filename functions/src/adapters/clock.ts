/** The system clock, the one place outside tests that reads the time. */
import type { Clock } from "../domain/ports/clock.ts";

export const systemClock: Clock = { now: () => new Date() };

/** A clock a fixed offset from the system's; the local stack's test hook may move the offset later. */
export interface OffsetClock extends Clock {
  offsetMs: number;
}

/**
 * The system clock moved by `offsetMs` (local stack only, SONRISA_CLOCK_OFFSET_MS): tests that must not
 * depend on the hour they run at (a store's midnight) run the handlers on a chosen day and hour. The offset is
 * read at every call, so moving it reaches every adapter and handler that was given this clock.
 */
export function offsetClock(offsetMs: number): OffsetClock {
  const clock: OffsetClock = { offsetMs, now: () => new Date(Date.now() + clock.offsetMs) };
  return clock;
}

/** A clock stopped at one instant (the demo history runs each past answer at the time it was tapped). */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}
