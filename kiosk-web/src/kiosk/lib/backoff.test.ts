import { describe, expect, it } from "vitest";
import { BASE_MS, backoffDelay, CAP_MS } from "./backoff.ts";

describe("backoffDelay", () => {
  it("doubles the ceiling with each attempt and keeps at least half of it", () => {
    expect(backoffDelay(1, () => 0)).toBe(BASE_MS / 2);
    expect(backoffDelay(1, () => 1)).toBe(BASE_MS);
    expect(backoffDelay(4, () => 0)).toBe((BASE_MS * 8) / 2);
  });

  it("never waits longer than the cap, however many attempts failed", () => {
    expect(backoffDelay(50, () => 1)).toBe(CAP_MS);
    expect(backoffDelay(50, () => 0)).toBe(CAP_MS / 2);
  });

  it("spreads kiosks that failed together over the window", () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(5)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
