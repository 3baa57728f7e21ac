/** Counts take the word form their number needs, in every catalogue and both languages. */
import { describe, expect, it } from "vitest";
import { messagesFor as dashboard } from "../dashboard/messages.ts";
import { messagesFor as kiosk } from "../kiosk/lib/messages.ts";
import { messagesFor as staff } from "../staff/messages.ts";
import { pluralOf } from "./plural.ts";

describe("pluralOf", () => {
  it("uses the singular for one and the plural for everything else", () => {
    const es = pluralOf("es");
    expect([0, 1, 2, 21, 1_000_000].map((n) => es(n, "respuesta", "respuestas"))).toEqual([
      "respuestas",
      "respuesta",
      "respuestas",
      "respuestas",
      "respuestas",
    ]);
    expect(pluralOf("en")(1, "answer", "answers")).toBe("answer");
  });
});

describe("messages with a count", () => {
  it("agree with one and with many in the kiosk", () => {
    expect(kiosk("es").unpairConfirm(1)).toMatch(/^Hay 1 respuesta sin enviar\. .* Se enviará al/);
    expect(kiosk("es").unpairConfirm(3)).toMatch(/^Hay 3 respuestas sin enviar\. .* Se enviarán al/);
    expect(kiosk("en").unpairConfirm(1)).toMatch(/^1 answer is not sent yet\. .* It will be sent/);
    expect(kiosk("en").unpairConfirm(2)).toMatch(/^2 answers are not sent yet\. .* They will be sent/);
    expect(kiosk("es").unpairedNotice(1)).toContain("1 respuesta pendiente se enviará");
    expect(kiosk("en").unpairedNotice(1)).toContain("1 waiting answer will");
  });

  it("agree with one and with many in the staff console", () => {
    expect(staff("es").pending.count(1)).toBe("1 regalo pendiente");
    expect(staff("en").pending.count(2)).toBe("2 pending gifts");
    expect(staff("es").spontaneous.inStock("Café", 1)).toBe("Café (1 disponible)");
    expect(staff("es").spontaneous.inStock("Café", 0)).toBe("Café (0 disponibles)");
    expect(staff("es").stock.available(1)).toBe("disponible");
  });

  it("agree with one and with many in the dashboard", () => {
    const es = dashboard("es").store;
    const en = dashboard("en").store;
    expect(es.giftsHint("1", 1)).toBe("Ganados / entregados · 1 espontáneo");
    expect(es.misuseNote("1", 1)).toBe("1 pulsación repetida fuera de las puntuaciones");
    expect(en.misuseNote("1", 1)).toBe("1 repeated tap left out of the scores");
    expect(es.seriesSummary(1, false)).toMatch(/^Gráfico de 1 día:/);
    expect(en.seriesSummary(2, true)).toMatch(/^Chart of 2 weeks:/);
    expect(es.heatCell("Lunes", "09:00", 1, "100 %")).toBe("Lunes, 09:00: 1 respuesta, CSAT 100 %");
    expect(dashboard("en").rules.everyNth(1)).toBe("Every answer");
    expect(dashboard("en").rules.everyNth(3)).toBe("1 in 3 answers");
  });
});
