import type { KioskConfig } from "@sonrisa/shared/schemas/store";
import { describe, expect, it } from "vitest";
import { stepsFor } from "./steps.ts";

const reason = { id: "quick", label: { es: "Rapidez", en: "Quick" } };
const config = (over: Partial<Pick<KioskConfig, "reasons" | "optIn">> = {}) => ({
  reasons: { positive: [reason], neutral: [], negative: [reason] },
  optIn: { enabled: true, prompt: { es: "Únete", en: "Join" }, networks: [] },
  ...over,
});

describe("steps after a tap", () => {
  it("asks for reasons from the list of the answer's sentiment", () => {
    expect(stepsFor(config(), 5)).toEqual(["reasons", "comment", "optin"]);
    expect(stepsFor(config(), 1)).toEqual(["reasons", "comment", "optin"]);
  });

  it("skips reasons when the store has none for that sentiment", () => {
    expect(stepsFor(config(), 3)).toEqual(["comment", "optin"]);
  });

  it("asks whether the shopper is a member, before the opt-in, while the loyalty programme is on", () => {
    const loyalty = { consent: { version: "1", text: { es: "Sí", en: "Yes" } }, tiers: [] };
    expect(stepsFor({ ...config(), loyalty }, 5)).toEqual(["reasons", "comment", "member", "optin"]);
  });

  it("leaves the opt-in out when the store has it switched off", () => {
    const off = config({ optIn: { enabled: false, prompt: { es: "-", en: "-" }, networks: [] } });
    expect(stepsFor(off, 4)).toEqual(["reasons", "comment"]);
  });
});
