/** Sending hours in store-local time, across midnight and daylight-saving changes. */
import { describe, expect, it } from "vitest";
import { nextSendTime } from "./quiet-hours.ts";

const madrid = "Europe/Madrid";
const nineToEight = { sendFrom: "09:00", sendUntil: "20:00" };

describe("nextSendTime", () => {
  it("leaves a message due inside the hours as it is", () => {
    const due = new Date("2026-11-30T11:30:00Z"); // 12:30 in Madrid
    expect(nextSendTime(due, madrid, nineToEight)).toEqual(due);
  });

  it("moves one due at 23:00 to 09:00 the next morning, and one due at 06:00 to 09:00 that day", () => {
    expect(nextSendTime(new Date("2026-11-30T22:00:00Z"), madrid, nineToEight).toISOString()).toBe(
      "2026-12-01T08:00:00.000Z",
    );
    expect(nextSendTime(new Date("2026-11-30T05:00:00Z"), madrid, nineToEight).toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
  });

  it("treats sendUntil as the first minute outside", () => {
    expect(nextSendTime(new Date("2026-11-30T19:00:00Z"), madrid, nineToEight).toISOString()).toBe(
      "2026-12-01T08:00:00.000Z",
    );
  });

  it("keeps the store's wall clock across the change to summer time", () => {
    // 29 March 2026, 03:00 Madrid: clocks go forward; 09:00 that day is 07:00 UTC.
    expect(nextSendTime(new Date("2026-03-28T22:30:00Z"), madrid, nineToEight).toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
  });

  it("handles hours that span midnight, minutes and other zones", () => {
    const evening = { sendFrom: "18:30", sendUntil: "01:00" };
    expect(nextSendTime(new Date("2026-11-30T23:30:00Z"), madrid, evening).toISOString()).toBe(
      "2026-11-30T23:30:00.000Z",
    );
    expect(nextSendTime(new Date("2026-11-30T12:00:00Z"), madrid, evening).toISOString()).toBe(
      "2026-11-30T17:30:00.000Z",
    );
    expect(nextSendTime(new Date("2026-12-01T05:00:00Z"), "America/Mexico_City", nineToEight).toISOString()).toBe(
      "2026-12-01T15:00:00.000Z",
    );
  });

  it("sends at any time without hours", () => {
    const due = new Date("2026-11-30T02:00:00Z");
    expect(nextSendTime(due, madrid, undefined)).toEqual(due);
  });
});
