/** The current consent is the ledger folded in time order; identities are normalised the same way everywhere. */
import type { ConsentRecord } from "@sonrisa/shared/schemas/contacts";
import { describe, expect, it } from "vitest";
import { deriveConsent } from "./consent.ts";
import { identitiesForSearch, normalisePhone } from "./contact-identity.ts";
import { fill } from "./templates.ts";

const grant = (at: string, channels: ("email" | "sms")[]): ConsentRecord => ({
  type: "grant",
  recordId: `grant.${at}`,
  purposes: ["marketing"],
  channels,
  version: "2026-11",
  lang: "es",
  storeId: "madrid-centro",
  deviceId: "d",
  answerId: at,
  at,
  recordedAt: at,
});
const withdrawal = (at: string): ConsentRecord => ({
  type: "withdrawal",
  recordId: `unsubscribe.${at}`,
  purposes: ["marketing"],
  channels: ["email", "sms", "social"],
  source: "unsubscribe",
  at,
  recordedAt: at,
});

describe("deriveConsent", () => {
  it("adds the channels of every grant and keeps the first grant's date", () => {
    const c = deriveConsent([grant("2026-11-02T10:00:00Z", ["sms"]), grant("2026-11-01T10:00:00Z", ["email"])]);
    expect(c).toEqual({
      active: true,
      purposes: ["marketing"],
      channels: ["email", "sms"],
      version: "2026-11",
      since: "2026-11-01T10:00:00Z",
    });
  });

  it("ends with a withdrawal, and a later grant starts again", () => {
    expect(deriveConsent([grant("2026-11-01T10:00:00Z", ["email"]), withdrawal("2026-11-03T10:00:00Z")]).active).toBe(
      false,
    );
    const again = deriveConsent([
      grant("2026-11-01T10:00:00Z", ["email"]),
      withdrawal("2026-11-03T10:00:00Z"),
      grant("2026-11-05T10:00:00Z", ["sms"]),
    ]);
    expect(again).toMatchObject({ active: true, channels: ["sms"], since: "2026-11-05T10:00:00Z" });
  });

  it("keeps a withdrawal that happened after a tap synced late", () => {
    // Tapped on the 1st (offline), unsubscribed on the 3rd, synced on the 4th: still withdrawn.
    const late = { ...grant("2026-11-01T10:00:00Z", ["email"]), recordedAt: "2026-11-04T10:00:00Z" };
    expect(deriveConsent([withdrawal("2026-11-03T10:00:00Z"), late]).active).toBe(false);
  });
});

describe("identities", () => {
  it("write phones in E.164 with the store's country code when none is typed", () => {
    expect(normalisePhone("611 22 33 44", "Europe/Madrid")).toBe("+34611223344");
    expect(normalisePhone("0034611223344", "Europe/Madrid")).toBe("+34611223344");
    expect(normalisePhone("+52 55 1234 5678", "Europe/Madrid")).toBe("+525512345678");
    expect(normalisePhone("5512345678", "America/Mexico_City")).toBe("+525512345678");
  });

  it("read a search as an e-mail, a phone in each store's country, or a handle on each network", () => {
    expect(identitiesForSearch(" Ana@Example.COM ", [])).toEqual([{ kind: "email", value: "ana@example.com" }]);
    expect(identitiesForSearch("611223344", ["Europe/Madrid"]).map((i) => i.value)).toEqual([
      "+611223344",
      "+34611223344",
    ]);
    expect(identitiesForSearch("@Ana.Sonrie", []).map((i) => i.value)).toContain("instagram:ana.sonrie");
  });
});

describe("templates", () => {
  it("escape values in HTML only", () => {
    expect(fill("{{storeName}}", { storeName: "<b>" })).toBe("<b>");
    expect(fill("<p>{{ storeName }}</p>", { storeName: "<b>" }, true)).toBe("<p>&#60;b&#62;</p>");
  });
});
