/** Numbers and dates as the chosen language writes them. Dates in the API are store-local `YYYY-MM-DD`. */
import type { Lang } from "@sonrisa/shared/schemas/common";

const locales: Record<Lang, string> = { es: "es-ES", en: "en-GB" };

export function formatFor(lang: Lang) {
  const locale = locales[lang];
  const int = new Intl.NumberFormat(locale);
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const dayYear = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
  return {
    locale,
    int: (n: number) => int.format(n),
    /** A 0–100 score (CSAT, index) with one decimal; a dash when there is nothing to score. */
    score: (n: number | null, none = "—") => (n === null ? none : one.format(n)),
    /** A 0–100 share (CSAT) as a percentage with up to one decimal. */
    percent: (n: number | null, none = "—") => (n === null ? none : pct.format(n / 100)),
    /** A 0–1 probability as a percentage with up to one decimal. */
    odds: (p: number) => pct.format(p),
    /** `2026-11-22` → `22 nov` (or with the year). */
    day: (date: string, withYear = false) => (withYear ? dayYear : day).format(asUtc(date)),
    /** An instant on the wall clock of a zone (the store's), e.g. `22 nov 2026, 13:05`. */
    dateTime: (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso)),
    hour: (h: number) => `${String(h).padStart(2, "0")}:00`,
  };
}

export type Format = ReturnType<typeof formatFor>;
