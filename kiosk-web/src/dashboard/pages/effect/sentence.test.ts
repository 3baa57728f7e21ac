import type { WindowEffect } from "@sonrisa/shared/schemas/effect";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../messages.ts";
import { effectSentence } from "./sentence.ts";

const base: WindowEffect = {
  days: 30,
  maturedThrough: "2026-10-01",
  treatment: { exposed: 900, returned: 300 },
  holdout: { exposed: 100, returned: 24 },
  verdict: "up",
  difference: { estimate: 0.09, low: 0.031, high: 0.149 },
  giftsPerExtraReturn: 11,
  series: [],
};
const day = (d: string) => d;

describe("the effect sentence", () => {
  it("says the uplift, its interval and the gifts per extra return, in English and Spanish", () => {
    expect(effectSentence(messagesFor("en").effect, "en-GB", "surprise", base, "2026-06-01", day)).toBe(
      "The gift group came back 9 points more often than the holdout within 30 days (95 % CI 3.1–14.9 points): about 1 extra return per 11 gifts.",
    );
    expect(effectSentence(messagesFor("es").effect, "es-ES", "surprise", base, "2026-06-01", day)).toBe(
      "El grupo con regalo volvió 9 puntos más que el grupo de control en 30 días (IC 95 %: 3,1–14,9 puntos): aproximadamente 1 vuelta extra por cada 11 regalos.",
    );
  });

  it("turns fewer gifts than extra returns around: returns per gift", () => {
    const many = { ...base, giftsPerExtraReturn: 0.8 };
    expect(effectSentence(messagesFor("en").effect, "en-GB", "surprise", many, "2026-06-01", day)).toContain(
      ": about 1.3 extra returns per gift.",
    );
  });

  it("claims nothing when the interval includes 0, and says how many more answers a small test needs", () => {
    const none = {
      ...base,
      verdict: "no-clear-effect" as const,
      difference: { estimate: 0.02, low: -0.03, high: 0.07 },
    };
    expect(effectSentence(messagesFor("en").effect, "en-GB", "follow-up", none, "2026-06-01", day)).toBe(
      "No clear effect within 30 days: the difference is 2 points (95 % CI -3 to 7 points), an interval that includes 0.",
    );
    const small = { ...base, verdict: "too-small" as const, difference: undefined, needed: 1240 };
    expect(effectSentence(messagesFor("en").effect, "en-GB", "surprise", small, "2026-06-01", day)).toBe(
      "Too small to tell yet: about 1,240 more identified answers are needed to detect a 5-point difference within 30 days.",
    );
    const later = { ...base, verdict: "not-yet" as const, difference: undefined };
    expect(effectSentence(messagesFor("es").effect, "es-ES", "surprise", later, "2026-06-01", day)).toBe(
      "Ninguna exposición del periodo ha cumplido aún 30 días: la primera ventana se cierra el 2026-07-02.",
    );
  });
});
