/** The demo's planned past: the same on every run, inside opening hours, shaped like a real season. */
import { ResponseItem } from "@sonrisa/shared/schemas/responses";
import { localParts } from "@sonrisa/shared/time";
import { describe, expect, it } from "vitest";
import { historyDates, planDay, SURPRISES_SINCE_DAYS, type Visit } from "./demo-history-plan.ts";
import { DEMO_PROFILES, type DemoProfile } from "./demo-history-stores.ts";

const profile = (id: string) => DEMO_PROFILES.find((p) => p.storeId === id) as DemoProfile;
const season = (p: DemoProfile) =>
  historyDates("2026-11-30", 90).map((date, i) => ({ date, visits: planDay(p, date, 90 - i) }));
const mean = (visits: Visit[]) => visits.reduce((n, v) => n + v.item.score, 0) / visits.length;

// Whole seasons of three stores: quick on a laptop, seconds on a loaded shared machine.
describe("the demo history plan", { timeout: 60_000 }, () => {
  it("plans the same answers, ids included, every time a day is planned", () => {
    expect(planDay(profile("madrid-centro"), "2026-10-03", 58)).toEqual(
      planDay(profile("madrid-centro"), "2026-10-03", 58),
    );
  });

  it("ends the day before today and covers the 90 days before it", () => {
    const dates = historyDates("2026-11-30", 90);
    expect(dates).toHaveLength(90);
    expect(dates[0]).toBe("2026-09-01");
    expect(dates[89]).toBe("2026-11-29");
  });

  it("keeps every answer valid, inside the store's opening hours, and a kiosk's answers well apart", () => {
    for (const p of DEMO_PROFILES) {
      const clock = new Intl.DateTimeFormat("en-GB", {
        timeZone: p.timeZone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      });
      const outside: string[] = [];
      for (const { date, visits } of season(p)) {
        const last = new Map<number, number>();
        for (const v of visits) {
          expect(ResponseItem.safeParse(v.item).success).toBe(true);
          const local = localParts(v.item.at, p.timeZone);
          const hhmm = clock.format(new Date(v.item.at));
          // A kiosk's next answer may be pushed a little past closing by the gap between answers.
          const open = (p.openingHours[local.weekday] ?? []).some(
            (s) => hhmm >= s.open && hhmm <= s.close.replace(/:\d\d$/, ":59"),
          );
          if (local.date !== date || !open) outside.push(`${p.storeId} ${v.item.at}`);
          const at = Date.parse(v.item.at);
          expect(at - (last.get(v.kiosk) ?? Number.NEGATIVE_INFINITY)).toBeGreaterThanOrEqual(45_000);
          last.set(v.kiosk, at);
        }
      }
      expect(outside).toEqual([]);
    }
  });

  it("has no answers on a closed day: Barcelona on Sunday, CDMX on Monday", () => {
    expect(planDay(profile("barcelona-gracia"), "2026-11-29", 1)).toEqual([]); // a Sunday
    expect(planDay(profile("mexico-roma"), "2026-11-23", 7)).toEqual([]); // a Monday
  });

  it("is busier on Saturdays, at lunchtime, and weaker in CDMX", () => {
    const madrid = season(profile("madrid-centro"));
    const mexico = season(profile("mexico-roma"));
    const weekday = (d: number) =>
      madrid.filter((day) => localParts(`${day.date}T12:00:00Z`, "UTC").weekday === d).flatMap((day) => day.visits);
    expect(weekday(5).length).toBeGreaterThan(weekday(0).length * 1.4);
    const byHour = (h: number) =>
      madrid.flatMap((d) => d.visits).filter((v) => localParts(v.item.at, "Europe/Madrid").hour === h);
    expect(byHour(13).length).toBeGreaterThan(byHour(10).length * 2);
    const all = (s: typeof madrid) => s.flatMap((d) => d.visits);
    expect(all(mexico).length).toBeLessThan(all(madrid).length / 2);
    expect(mean(all(mexico))).toBeLessThan(mean(all(madrid)) - 0.4);
  });

  it("has comments in both languages, a few opt-ins, and gifts staff give on their own", () => {
    const visits = DEMO_PROFILES.flatMap((p) => season(p).flatMap((d) => d.visits));
    const comments = visits.filter((v) => v.item.comment);
    expect(new Set(comments.map((v) => v.item.lang))).toEqual(new Set(["es", "en"]));
    const optIns = visits.filter((v) => v.item.optIn).length;
    expect(optIns).toBeGreaterThan(50);
    expect(optIns).toBeLessThan(visits.length / 10);
    expect(visits.filter((v) => v.spontaneous).every((v) => v.item.score <= 2)).toBe(true);
    expect(visits.some((v) => v.spontaneous)).toBe(true);
  });

  it("has club members who join at a kiosk in the surprise's weeks, come back identified, and two who redeem", () => {
    let redeemers = 0;
    for (const p of DEMO_PROFILES) {
      const days = season(p).map((d, i) => ({ ...d, daysAgo: 90 - i }));
      for (const member of p.members) {
        const mine = days.flatMap((d) =>
          d.visits.filter((v) => v.member?.phone === member.phone).map((v) => ({ ...v, daysAgo: d.daysAgo })),
        );
        const [join, ...later] = mine;
        expect(join?.member?.joins).toBe(true);
        expect(join?.item.optIn).toEqual({
          phone: member.phone,
          loyalty: { version: p.club.consentVersion, granted: true },
        });
        expect(join!.daysAgo).toBeLessThanOrEqual(SURPRISES_SINCE_DAYS);
        expect(later.length).toBeGreaterThanOrEqual(2);
        expect(later.every((v) => v.item.member?.phone === member.phone && !v.item.optIn && !v.member?.joins)).toBe(
          true,
        );
        // A stamp a visiting day, the joining one included: the reward's visit is the one with enough stamps.
        const redeeming = mine.findIndex((v) => v.member?.redeems);
        if (member.redeems) {
          expect(redeeming + 1).toBe(p.club.rewardStamps);
          redeemers++;
        } else expect(redeeming).toBe(-1);
      }
    }
    expect(redeemers).toBe(2);
  });
});
