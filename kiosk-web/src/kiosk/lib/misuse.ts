/**
 * Misuse at the kiosk: a tap closer than the store's interval to the previous tap (as HappyOrNot counts
 * it), not to the end of the previous shopper's flow, so the next customer in a queue is never misuse.
 */

/** True when a tap at `now` (ms) comes less than `intervalSec` after the previous tap at `lastTapAt`. */
export function tappedTooSoon(lastTapAt: number | undefined, now: number, intervalSec: number): boolean {
  return lastTapAt !== undefined && now - lastTapAt < intervalSec * 1000;
}
