import { describe, expect, it } from "vitest";
import { checkDraft, newDraft, settingsOf, slugOf } from "./store-draft.ts";

const filled = () => {
  const draft = newDraft("Europe/Madrid", "2026-11-30");
  draft.id = "feria-madrid";
  draft.settings.name = "Feria";
  draft.settings.question = { es: "¿Qué tal?", en: "How was it?" };
  draft.settings.optIn.prompt = { es: "Únete", en: "Join" };
  draft.settings.consent.text = { es: "Acepto.", en: "I agree." };
  return draft;
};

describe("the store form's draft", () => {
  it("saves texts in the store's languages only, and keeps the others while the form is open", () => {
    const draft = filled();
    draft.settings.languages = ["en"];
    draft.settings.defaultLang = "en";
    const saved = settingsOf(draft);
    expect(saved.question).toEqual({ en: "How was it?" });
    expect(saved.consent.text).toEqual({ en: "I agree." });
    expect(draft.settings.question.es).toBe("¿Qué tal?");
    expect(checkDraft(draft, true)).toEqual([]);
  });

  it("names each missing text and a bad id with the path the form shows it at", () => {
    const draft = filled();
    draft.id = "X";
    draft.settings.question.en = "";
    draft.settings.reasons.positive.push({ id: "ok", label: { es: "Bien", en: "" } });
    const paths = checkDraft(draft, true).map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["id", "question.en", "reasons.positive.0.label.en"]));
  });

  it("starts a new store with its texts written, so an id and a name are all it needs", () => {
    const draft = newDraft("Europe/Madrid", "2026-11-30");
    const paths = new Set(checkDraft(draft, true).map((i) => i.path.join(".")));
    expect([...paths].sort()).toEqual(["id", "name"]);
    draft.id = "sevilla-centro";
    draft.settings.name = "Sevilla Centro";
    expect(checkDraft(draft, true)).toEqual([]);
    expect(settingsOf(draft).question).toEqual({ es: "¿Qué tal tu experiencia hoy?", en: "How was your visit today?" });
  });

  it("adds the event's dates only for an event", () => {
    const draft = filled();
    expect(settingsOf(draft).event).toBeUndefined();
    draft.eventOn = true;
    expect(settingsOf(draft).event).toEqual({ start: "2026-11-30", end: "2026-12-02" });
  });

  it("makes identifiers from labels", () => {
    expect(slugOf("Personal amable")).toBe("personal-amable");
    expect(slugOf("¡Café!  Gratis…")).toBe("cafe-gratis");
  });
});
