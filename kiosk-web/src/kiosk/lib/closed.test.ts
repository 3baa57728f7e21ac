import { describe, expect, it } from "vitest";
import { closedReason } from "./closed.ts";

const event = { start: "2026-06-10", end: "2026-06-12" };
const zone = "Europe/Madrid";

describe("closedReason", () => {
  it("opens an event from its first local day to its last, inclusive", () => {
    // 22:30 UTC on 9 June is already 10 June in Madrid (UTC+2).
    expect(closedReason({ timeZone: zone, event }, Date.parse("2026-06-09T21:30:00Z"))).toBe("not-yet");
    expect(closedReason({ timeZone: zone, event }, Date.parse("2026-06-09T22:30:00Z"))).toBeUndefined();
    expect(closedReason({ timeZone: zone, event }, Date.parse("2026-06-12T21:59:00Z"))).toBeUndefined();
    expect(closedReason({ timeZone: zone, event }, Date.parse("2026-06-12T22:00:00Z"))).toBe("over");
  });

  it("keeps a store without an event open and an archived one closed", () => {
    expect(closedReason({ timeZone: zone }, Date.parse("2026-06-09T12:00:00Z"))).toBeUndefined();
    expect(closedReason({ timeZone: zone, archivedAt: "2026-01-01T00:00:00Z" }, 0)).toBe("archived");
  });
});
