import { describe, expect, it } from "vitest";
import { tappedTooSoon } from "./misuse.ts";

describe("misuse at the kiosk", () => {
  it("measures from the previous tap, so a queue of customers each taking 10 s is never misuse", () => {
    // Each customer taps, spends 10 s on reasons and comment, and the next one taps 1 s after the thank-you.
    const taps = [0, 11_000, 22_000, 33_000, 44_000];

    const flags = taps.map((at, i) => tappedTooSoon(i === 0 ? undefined : taps[i - 1], at, 5));

    expect(flags).toEqual([false, false, false, false, false]);
  });

  it("flags a tap less than the interval after the previous one, and not one exactly at it", () => {
    expect(tappedTooSoon(10_000, 14_999, 5)).toBe(true);
    expect(tappedTooSoon(10_000, 15_000, 5)).toBe(false);
    expect(tappedTooSoon(undefined, 0, 5)).toBe(false);
    expect(tappedTooSoon(10_000, 10_001, 0)).toBe(false);
  });
});
