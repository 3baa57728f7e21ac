import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, endOfLocalDay, localParts, weekStart, zonedToUtc } from "./time.ts";

describe("store-local time", () => {
  it("puts 23:30 on the last Sunday of March in Madrid on that Sunday at 23h (after the clocks went forward)", () => {
    // 2026-03-29 is the day Madrid moves from UTC+1 to UTC+2; 23:30 local is 21:30 UTC.
    expect(localParts("2026-03-29T21:30:00Z", "Europe/Madrid")).toEqual({ date: "2026-03-29", hour: 23, weekday: 6 });
    expect(localParts("2026-03-29T23:30:00+02:00", "Europe/Madrid")).toEqual({
      date: "2026-03-29",
      hour: 23,
      weekday: 6,
    });
  });

  it("keeps 01:30 UTC of that night on the Sunday in Madrid before the change", () => {
    expect(localParts("2026-03-29T00:30:00Z", "Europe/Madrid")).toMatchObject({ date: "2026-03-29", hour: 1 });
    expect(localParts("2026-03-29T01:30:00Z", "Europe/Madrid")).toMatchObject({ date: "2026-03-29", hour: 3 });
  });

  it("uses Mexico City's own day", () => {
    expect(localParts("2026-06-01T03:00:00Z", "America/Mexico_City")).toMatchObject({ date: "2026-05-31", hour: 21 });
  });

  it("ends a 23-hour DST day at the next local midnight", () => {
    const start = zonedToUtc("2026-03-29", 0, "Europe/Madrid").getTime();
    const end = endOfLocalDay("2026-03-29", "Europe/Madrid").getTime();
    expect((end - start) / 3_600_000).toBe(23);
    expect(
      endOfLocalDay("2026-10-25", "Europe/Madrid").getTime() - zonedToUtc("2026-10-25", 0, "Europe/Madrid").getTime(),
    ).toBe(25 * 3_600_000);
  });

  it("round-trips local midnight for any day and zone", () => {
    const zones = fc.constantFrom("Europe/Madrid", "America/Mexico_City", "UTC", "Asia/Kolkata", "America/New_York");
    const days = fc.integer({ min: 0, max: 3650 }).map((n) => addDays("2020-01-01", n));
    fc.assert(fc.property(days, zones, (day, zone) => localParts(zonedToUtc(day, 0, zone), zone).date === day));
  });

  it("starts weeks on Monday", () => {
    expect(weekStart("2026-11-22")).toBe("2026-11-16");
    expect(weekStart("2026-11-16")).toBe("2026-11-16");
  });
});
