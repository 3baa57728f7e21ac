/**
 * The effect report's plain-language sentence for one window, in the page's language: an effect only when
 * the interval excludes 0; otherwise no clear effect, too small (and how many more answers), or not yet.
 */
import type { WindowEffect } from "@sonrisa/shared/schemas/effect";
import { addDays } from "@sonrisa/shared/time";
import type { Messages } from "../../messages.ts";

export function effectSentence(
  t: Messages["effect"],
  locale: string,
  kind: "surprise" | "follow-up",
  w: WindowEffect,
  firstDate: string,
  day: (date: string) => string,
): string {
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pts = (x: number) => one.format(Math.round(x * 1000) / 10 + 0);
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (w.verdict === "not-yet") return t.notYet(w.days, day(addDays(firstDate, w.days + 1)));
  if (w.verdict === "too-small" || !w.difference) return t.tooSmall(w.needed ?? 0, w.days);
  const d = w.difference;
  if (w.verdict === "no-clear-effect") return t.none(w.days, t.points(pts(d.estimate)), pts(d.low), pts(d.high));
  const who = t.treatmentName(kind);
  if (w.verdict === "down") {
    return `${t.down(who, t.points(pts(-d.estimate)), w.days, pts(d.low), pts(d.high))}.`;
  }
  let out = t.up(who, t.points(pts(d.estimate)), w.days, pts(d.low), pts(d.high));
  const g = w.giftsPerExtraReturn;
  if (g !== undefined) out += g >= 1 ? t.gifts(one.format(g)) : t.perGift(one.format(1 / g));
  if (w.costPerExtraReturn !== undefined) out += t.cost(money.format(w.costPerExtraReturn));
  return `${out}.`;
}
