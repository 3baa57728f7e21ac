/**
 * A stock item's name as the console shows it. The API keeps one string per item. Older items were named
 * in both languages, "Café / Coffee" (Spanish / English): such a name shows the half for the console's
 * language. Items added since are named in one language and show as they are.
 */
import type { Lang } from "@sonrisa/shared/schemas/common";

export function itemName(name: string, lang: Lang): string {
  const halves = name.split(" / ").map((half) => half.trim());
  if (halves.length !== 2 || !halves[0] || !halves[1]) return name;
  return lang === "es" ? halves[0] : halves[1];
}
