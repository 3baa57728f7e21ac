/** Times and durations as staff read them, in the device's time zone (the device is in the store). */
import type { Lang } from "@sonrisa/shared/schemas/common";
import type { Messages } from "../messages.ts";

const locales: Record<Lang, string> = { es: "es-ES", en: "en-GB" };

export function clockTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(locales[lang], { hour: "2-digit", minute: "2-digit" });
}

/** "3 h 12 min" until `iso`, rounded up to the minute; undefined once it has passed. */
export function timeLeft(iso: string, now: number, t: Messages): string | undefined {
  const ms = Date.parse(iso) - now;
  if (ms <= 0) return undefined;
  const minutes = Math.ceil(ms / 60_000);
  return t.duration(Math.floor(minutes / 60), minutes % 60);
}

/** YYYY-MM-DD of an instant on this device's calendar. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function percent(value: number | null, lang: Lang): string | undefined {
  return value === null
    ? undefined
    : (value / 100).toLocaleString(locales[lang], { style: "percent", maximumFractionDigits: 0 });
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
