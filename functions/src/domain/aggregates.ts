/**
 * What one answer adds to its store's local-day aggregate, as flat counters that merge by addition.
 * Attribute names: s1..s5 (scored answers), m1..m5 (misuse), hHHc/hHHp (answers and happy answers
 * in local hour HH), r_<reason>, opt (opt-ins), cm (comments), ho/tr (holdout/treatment), gw/gh/gs (gifts).
 */
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";

export type Counters = Record<string, number>;

/**
 * Only reasons the store offers are counted, so a stray id cannot grow the day item without bound;
 * the answer itself keeps what the kiosk sent.
 */
export function answerCounters(item: ResponseItem, hour: number, misuse: boolean, known?: Set<string>): Counters {
  if (misuse) return { [`m${item.score}`]: 1 };
  const hh = String(hour).padStart(2, "0");
  const out: Counters = { [`s${item.score}`]: 1, [`h${hh}c`]: 1 };
  if (item.score >= 4) out[`h${hh}p`] = 1;
  for (const reason of new Set(item.reasons ?? [])) if (!known || known.has(reason)) out[`r_${reason}`] = 1;
  if (item.optIn) out.opt = 1;
  if (item.comment?.trim()) out.cm = 1;
  return out;
}

export function addCounters(into: Counters, more: Counters): Counters {
  for (const [k, v] of Object.entries(more)) into[k] = (into[k] ?? 0) + v;
  return into;
}
