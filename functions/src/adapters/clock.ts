/** The system clock, the one place outside tests that reads the time. */
import type { Clock } from "../domain/ports/clock.ts";

export const systemClock: Clock = { now: () => new Date() };
