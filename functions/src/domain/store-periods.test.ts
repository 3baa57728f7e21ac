import { addDays, daysBetween, lastDayOf } from "@sonrisa/shared/time";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DayItem, packMonth } from "./day-aggregate.ts";
import { hasEnded, lastEndedMonth } from "./month-rollup.ts";
import type { StoreRecord } from "./ports/store-repository.ts";
import { storeResults } from "./results.ts";
import { planRead } from "./store-periods.ts";

const store = { storeId: "s", name: "S", timeZone: "Europe/Madrid" } as StoreRecord;
const EPOCH = "2024-01-01";
const SPAN = 900;

const date = fc.nat({ max: SPAN }).map((n) => addDays(EPOCH, n));
const counter = fc.nat({ max: 40 });
const dayItem = fc
  .record({
    date,
    s: fc.array(counter, { minLength: 5, maxLength: 5 }),
    m: fc.array(counter, { minLength: 5, maxLength: 5 }),
    hour: fc.nat({ max: 23 }),
    reason: fc.constantFrom("staff", "price", "wait"),
    opt: counter,
    gw: counter,
  })
  .map(({ date, s, m, hour, reason, opt, gw }): DayItem => {
    const hh = String(hour).padStart(2, "0");
    const item: DayItem = { storeId: "s", date, opt, gw, [`r_${reason}`]: s[4]!, [`h${hh}c`]: s[0]! + s[4]! };
    for (let i = 0; i < 5; i++) {
      item[`s${i + 1}`] = s[i]!;
      item[`m${i + 1}`] = m[i]!;
    }
    item[`h${hh}p`] = s[4]!;
    return item;
  });
const history = fc.uniqueArray(dayItem, { selector: (d) => d.date, maxLength: 120 });

describe("reading results through month roll-ups", () => {
  it("gives exactly the results of reading every day item", () => {
    fc.assert(
      fc.property(history, date, date, fc.nat({ max: 120 }), fc.boolean(), (items, a, b, ahead, misuse) => {
        const range = a <= b ? { from: a, to: b } : { from: b, to: a };
        const today = addDays(range.to, ahead);
        const inRange = (d: string) => d >= range.from && d <= range.to;
        const plan = planRead(range, today);
        const months = plan.months.map((m) =>
          packMonth(
            "s",
            m,
            items.filter((d) => d.date.startsWith(m)),
          ),
        );
        const days = items.filter((d) => plan.spans.some((s) => d.date >= s.from && d.date <= s.to));

        const planned = storeResults(store, { days, months }, range, misuse);
        const direct = storeResults(store, { days: items.filter((d) => inRange(d.date)), months: [] }, range, misuse);

        expect(planned).toEqual(direct);
      }),
    );
    // Hundreds of generated histories: seconds on a quiet machine, more on a shared one.
  }, 30_000);

  it("covers every day of the range once, with whole ended months only", () => {
    fc.assert(
      fc.property(date, date, fc.nat({ max: 120 }), (a, b, ahead) => {
        const range = a <= b ? { from: a, to: b } : { from: b, to: a };
        const today = addDays(range.to, ahead);
        const plan = planRead(range, today);
        const covered = [
          ...plan.months.flatMap((m) => [`${m}-01`, lastDayOf(m)]),
          ...plan.spans.flatMap((s) => [s.from, s.to]),
        ].sort();
        const days =
          plan.months.reduce((n, m) => n + daysBetween(`${m}-01`, lastDayOf(m)) + 1, 0) +
          plan.spans.reduce((n, s) => n + daysBetween(s.from, s.to) + 1, 0);

        expect(days).toBe(daysBetween(range.from, range.to) + 1);
        expect(covered[0]).toBe(range.from);
        expect(covered.at(-1)).toBe(range.to);
        for (const m of plan.months) expect(hasEnded(m, today)).toBe(true);
      }),
    );
  });

  it("reads a year ending today as its 11 whole ended months and two day spans, the current month's the last", () => {
    const plan = planRead({ from: "2025-11-23", to: "2026-11-22" }, "2026-11-22");

    expect(plan.months).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
    ]);
    expect(plan.spans).toEqual([
      { from: "2025-11-23", to: "2025-11-30" },
      { from: "2026-11-01", to: "2026-11-22" },
    ]);
  });

  it("lets a month be rolled up from the first day of the next one", () => {
    expect(hasEnded("2026-10", "2026-10-31")).toBe(false);
    expect(hasEnded("2026-10", "2026-11-01")).toBe(true);
    expect(lastEndedMonth("2026-11-01")).toBe("2026-10");
    expect(lastEndedMonth("2026-01-15")).toBe("2025-12");
  });
});
