/**
 * A store's text in one language. No zod here: the kiosk imports it, and its start bundle must stay small.
 * A store has a text for each of its languages (the settings schema checks it), so the fallback to the
 * store's default language only covers a config cached before the store's languages changed.
 */
import type { Lang } from "./schemas/common.ts";

export type TextByLang = Partial<Record<Lang, string>>;

export function textIn(text: TextByLang, lang: Lang, fallback: Lang): string {
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? "";
}
