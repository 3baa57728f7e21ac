import { describe, expect, it } from "vitest";
import { checkDraft, type DraftRow, slugFromName } from "./stock-draft.ts";

const coffee: DraftRow = { item: "coffee", name: "Café / Coffee", quantity: "58", lowAt: "10" };

describe("slugFromName", () => {
  it("makes a lower-case id without accents, words joined by hyphens", () => {
    expect(slugFromName("Taza de café")).toBe("taza-de-cafe");
    expect(slugFromName("  ¡Llavero «Sonrisa»! ")).toBe("llavero-sonrisa");
  });

  it("keeps at most 40 characters and never ends on a hyphen", () => {
    const slug = slugFromName("Bolsa de tela reciclada con el logotipo de la tienda grande");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).not.toMatch(/-$/);
  });
});

describe("checkDraft", () => {
  it("turns the typed counts into the request body", () => {
    const mug = { item: "mug", name: "Taza", quantity: "12", lowAt: "3" };
    expect(checkDraft([coffee, mug])).toEqual({
      ok: true,
      items: [
        { item: "coffee", name: "Café / Coffee", quantity: 58, lowAt: 10 },
        { item: "mug", name: "Taza", quantity: 12, lowAt: 3 },
      ],
    });
  });

  it("flags empty counts, a missing name and a malformed id on their own row", () => {
    const bad = { item: "Taza!", name: " ", quantity: "", lowAt: "2" };
    const result = checkDraft([{ ...coffee, lowAt: "" }, bad]);
    expect(result).toEqual({
      ok: false,
      errors: { 0: { lowAt: "count" }, 1: { item: "item", name: "name", quantity: "count" } },
    });
  });

  it("refuses a new item whose id is already taken", () => {
    const result = checkDraft([coffee, { item: "coffee", name: "Café solo", quantity: "1", lowAt: "0" }]);
    expect(result).toEqual({ ok: false, errors: { 1: { item: "taken" } } });
  });
});
