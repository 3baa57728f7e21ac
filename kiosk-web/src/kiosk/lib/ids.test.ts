import { ResponseItem } from "@sonrisa/shared/schemas/responses";
import { describe, expect, it } from "vitest";
import { newId, nowWithOffset } from "./ids.ts";

describe("kiosk ids and timestamps", () => {
  it("makes answers the shared schema accepts", () => {
    const item = { id: newId(), at: nowWithOffset(), score: 4 };
    expect(ResponseItem.safeParse(item).success).toBe(true);
  });

  it("writes the device's local time with its UTC offset, naming the same instant", () => {
    const date = new Date("2026-05-01T10:15:00.000Z");
    const at = nowWithOffset(date);
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(at)).toBe(date.getTime());
  });

  it("never repeats an id", () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
  });
});
