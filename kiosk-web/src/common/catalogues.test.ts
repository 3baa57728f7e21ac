/**
 * The three message catalogues (kiosk, staff console, dashboard) say the same things in Spanish and in
 * English: the same keys at every depth, the same kind of value at each, and messages that are functions
 * take the same number of arguments in both languages (TypeScript lets a function with fewer pass).
 */
import { describe, expect, it } from "vitest";
import { messagesFor as dashboard } from "../dashboard/messages.ts";
import { messagesFor as kiosk } from "../kiosk/lib/messages.ts";
import { messagesFor as staff } from "../staff/messages.ts";

/** Each key path of a catalogue with what is there: `stock.available: function/1`, `faces.1: string`… */
function shapeOf(value: unknown, path = ""): string[] {
  if (typeof value === "function") return [`${path}: function/${value.length}`];
  if (value !== null && typeof value === "object") {
    return Object.entries(value)
      .flatMap(([key, inner]) => shapeOf(inner, path ? `${path}.${key}` : key))
      .sort();
  }
  return [`${path}: ${typeof value}`];
}

const catalogues = { kiosk, staff, dashboard };

describe.each(Object.entries(catalogues))("the %s catalogue", (_name, messagesFor) => {
  it("has the same keys, kinds of value and function arities in Spanish and English", () => {
    expect(shapeOf(messagesFor("en"))).toEqual(shapeOf(messagesFor("es")));
  });

  it("has no empty message", () => {
    const empty = (lang: "es" | "en") =>
      shapeOf(messagesFor(lang)).filter((line) => line.endsWith(": string") && !valueAt(messagesFor(lang), line));
    expect([...empty("es"), ...empty("en")]).toEqual([]);
  });
});

function valueAt(root: unknown, line: string): unknown {
  const path = line.slice(0, line.lastIndexOf(": "));
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}
