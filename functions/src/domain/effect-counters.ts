/**
 * The names of a rule's day counters and what an exposure adds to them; the only module that knows them.
 * Each counter is a group letter (`t` treatment, `h` holdout) and a measure: `n` exposed, `w` gifts won,
 * `c`/`cn` gift cost and the wins it is known for, `r<d>` came back within d days, `ss`/`sn` next visit's
 * score sum and count, `j` joined, `b<d>` bought within d days, `p<d>` purchases, `a<d>` revenue (minor
 * units) and `q<d>` the sum of each exposure's revenue squared (for the revenue interval).
 */
import type { EffectCounters, EffectGroup, ExposureRecord } from "./ports/effect-repository.ts";

/** The outcome windows, in days after the exposure. */
export const WINDOWS = [7, 30, 60] as const;
export type Window = (typeof WINDOWS)[number];
/** How long after an exposure an event still counts. */
export const LONGEST_WINDOW_DAYS = 60;

const letter = (group: EffectGroup) => (group === "treatment" ? "t" : "h");

/** What an exposure adds to its day when it is made (it has no outcomes yet). */
export function exposureCounters(e: ExposureRecord): EffectCounters {
  const g = letter(e.group);
  const out: EffectCounters = { [`${g}n`]: 1 };
  if (e.won) out[`${g}w`] = 1;
  if (e.won && e.giftCost !== undefined) {
    out[`${g}c`] = e.giftCost;
    out[`${g}cn`] = 1;
  }
  return out;
}

/** What an exposure's outcomes contribute to its day's counters. */
function outcomeCounters(e: ExposureRecord): EffectCounters {
  const g = letter(e.group);
  const out: EffectCounters = {};
  for (const w of e.returned) out[`${g}r${w}`] = 1;
  if (e.next) {
    out[`${g}ss`] = e.next.score;
    out[`${g}sn`] = 1;
  }
  if (e.joined) out[`${g}j`] = 1;
  for (const [w, p] of Object.entries(e.purchases)) {
    if (p.count > 0) out[`${g}b${w}`] = 1;
    out[`${g}p${w}`] = p.count;
    out[`${g}a${w}`] = p.amount;
    out[`${g}q${w}`] = p.amount * p.amount;
  }
  return out;
}

/** The change a credit makes to the day's counters: what `after` contributes minus what `before` did. */
export function creditCounters(before: ExposureRecord, after: ExposureRecord): EffectCounters {
  const out = outcomeCounters(after);
  for (const [name, value] of Object.entries(outcomeCounters(before))) out[name] = (out[name] ?? 0) - value;
  for (const name of Object.keys(out)) if (out[name] === 0) delete out[name];
  return out;
}

/** Adds `more` into `into`. */
export function addEffectCounters(into: EffectCounters, more: EffectCounters): EffectCounters {
  for (const name in more) into[name] = (into[name] ?? 0) + (more[name] ?? 0);
  return into;
}

/** Takes `less` out of `from`. */
export function subtractEffectCounters(from: EffectCounters, less: EffectCounters): EffectCounters {
  for (const name in less) from[name] = (from[name] ?? 0) - (less[name] ?? 0);
  return from;
}

/** The name of one group's counter of a measure (`n`, `r30`, …), for reads of many days in a row. */
export function counterName(group: EffectGroup, measure: string): string {
  return `${letter(group)}${measure}`;
}

/** One group's totals, read from summed counters. */
export function groupTotals(c: EffectCounters, group: EffectGroup) {
  const v = (name: string) => c[counterName(group, name)] ?? 0;
  return {
    exposed: v("n"),
    won: v("w"),
    giftCost: v("c"),
    costedWins: v("cn"),
    returned: (w: Window) => v(`r${w}`),
    nextScoreSum: v("ss"),
    nextScores: v("sn"),
    joined: v("j"),
    buyers: (w: Window) => v(`b${w}`),
    purchases: (w: Window) => v(`p${w}`),
    revenue: (w: Window) => ({ sum: v(`a${w}`), squares: v(`q${w}`) }),
  };
}
