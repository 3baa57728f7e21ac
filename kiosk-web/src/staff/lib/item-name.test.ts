import { describe, expect, it } from "vitest";
import { itemName } from "./item-name.ts";

describe("itemName", () => {
  it("shows the Spanish or the English half of a legacy 'es / en' name", () => {
    expect(itemName("Café / Coffee", "es")).toBe("Café");
    expect(itemName("Bolsa de tela / Tote bag", "en")).toBe("Tote bag");
  });

  it("shows a name in one language as it is, in both languages", () => {
    expect(itemName("Taza", "es")).toBe("Taza");
    expect(itemName("Mug", "en")).toBe("Mug");
  });

  it("leaves alone what is not two halves around ' / '", () => {
    expect(itemName("50/50 tote", "en")).toBe("50/50 tote");
    expect(itemName("A / B / C", "en")).toBe("A / B / C");
    expect(itemName("Café / ", "en")).toBe("Café / ");
  });
});
