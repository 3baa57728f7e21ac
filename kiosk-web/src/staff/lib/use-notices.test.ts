import { describe, expect, it } from "vitest";
import { withNotice } from "./use-notices.ts";

const error = { tone: "error", text: "No hay ningún regalo con ese código hoy." } as const;
const saved = { tone: "success", text: "Existencias guardadas." } as const;

describe("withNotice", () => {
  it("clears an older error of another panel when a later action succeeds", () => {
    const before = withNotice({}, "hand-over", error);
    expect(withNotice(before, "stock", saved)).toEqual({ stock: saved });
  });

  it("keeps other panels' errors and successes when a later action fails", () => {
    const before = withNotice(withNotice({}, "stock", saved), "hand-over", error);
    const failed = { tone: "error", text: "Escribe o elige un motivo." } as const;
    expect(withNotice(before, "spontaneous", failed)).toEqual({
      stock: saved,
      "hand-over": error,
      spontaneous: failed,
    });
  });

  it("keeps older successes when another one arrives", () => {
    const handed = { tone: "success", text: "Entregado: Bolsa (K7M2QX)." } as const;
    expect(withNotice({ "hand-over": handed }, "stock", saved)).toEqual({ "hand-over": handed, stock: saved });
  });
});
