/** Free text at the edge: control and bidi characters go, everything a person writes stays. */
import { describe, expect, it } from "vitest";
import { cleanText, hasUnsafeText } from "./text.ts";

describe("cleanText", () => {
  it("removes bidi overrides, embeddings, isolates and marks", () => {
    const reordering = "ok \u202Egnp.exe\u202C \u202A\u202B\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C end";

    expect(cleanText(reordering)).toBe("ok gnp.exe  end");
  });

  it("removes C0 controls but newline, DEL and C1 controls, NUL and the terminal's ESC", () => {
    const controls = "a\u0000b\u0007c\td\re\nf\u001B[31mg\u007Fh\u0085i\u009Bj";

    expect(cleanText(controls)).toBe("abcde\nf[31mghij");
  });

  it("keeps letters, accents, emoji with joiners, and right-to-left scripts", () => {
    const text = "¡Muy amables! 👩‍👩‍👧 שלום مرحبا\nnueva línea";

    expect(cleanText(text)).toBe(text);
    expect(hasUnsafeText(text)).toBe(false);
    expect(hasUnsafeText("x\u202Ey")).toBe(true);
  });
});
