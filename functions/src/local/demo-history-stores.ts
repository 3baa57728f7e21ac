/**
 * How each demo store's past looks: its kiosks, staff, crowd by hour and scores. Madrid is the flagship
 * and improves over the season; Barcelona is steady; CDMX Roma is the weaker store (fewer answers, lower
 * scores, and a bad fortnight about five weeks ago).
 */
import type { OpeningHours } from "@sonrisa/shared/schemas/store";
import { DEMO_PROGRAM, DEMO_STORES } from "./seed-demo.ts";

/**
 * A shopper who joins the club at a kiosk (a loyalty opt-in with a phone) and comes back identified by that
 * phone: a visit stamp a day. Joins within the surprise's weeks, which load in time order per store, so the
 * joining is done before the first identified visit.
 */
export interface DemoMember {
  phone: string;
  /** Joins on the first open day this many days before today (at most SURPRISES_SINCE_DAYS). */
  joinedDaysAgo: number;
  /** Comes back every this many days (a closed day is a visit missed). */
  everyDays: number;
  /** Redeems the first reward with staff on the visit that completes it. */
  redeems: boolean;
}

export interface DemoProfile {
  storeId: string;
  timeZone: string;
  openingHours: OpeningHours;
  consentVersion: string;
  /** Reason ids of the store by sentiment. */
  reasons: Record<"positive" | "neutral" | "negative", string[]>;
  /** The store's demo kiosks: a name each, and the share of shoppers who use it. */
  kiosks: number[];
  kioskNames: string[];
  staff: string[];
  /** Answers on an ordinary day (Thursday); the weekday factor and some noise scale it. */
  perDay: number;
  /** How busy a local hour is (1 = average): lunchtime and the evening peak. */
  busyHour(hour: number): number;
  /** Weights of scores 1…5, `daysAgo` days before today, at a local hour. */
  scores(daysAgo: number, hour: number): number[];
  /** Share of shoppers answering in English. */
  englishShare: number;
  commentShare: number;
  members: DemoMember[];
  /** The club's joining consent version, and the stamps of its first reward. */
  club: { consentVersion: string; rewardStamps: number };
}

function store(storeId: string) {
  const found = DEMO_STORES.find((s) => s.storeId === storeId);
  if (!found?.openingHours) throw new Error(`demo store ${storeId} needs opening hours`);
  const ids = (list: { id: string }[]) => list.map((r) => r.id);
  return {
    storeId,
    timeZone: found.timeZone,
    openingHours: found.openingHours,
    consentVersion: found.consent.version,
    club: { consentVersion: DEMO_PROGRAM.consent.version, rewardStamps: DEMO_PROGRAM.tiers[0]?.stamps ?? 5 },
    reasons: {
      positive: ids(found.reasons.positive),
      neutral: ids(found.reasons.neutral),
      negative: ids(found.reasons.negative),
    },
  };
}

/** Spain lunches at two and shops again after work. */
const spanishHours = (hour: number) =>
  ({ 10: 0.5, 11: 0.8, 12: 1.1, 13: 1.7, 14: 1.5, 15: 0.7, 16: 0.7, 17: 1, 18: 1.3, 19: 1.3, 20: 0.9 })[hour] ?? 0.6;
/** Mexico City lunches later. */
const mexicanHours = (hour: number) =>
  ({ 11: 0.5, 12: 0.9, 13: 1.2, 14: 1.8, 15: 1.5, 16: 0.8, 17: 0.9, 18: 1.2, 19: 0.8 })[hour] ?? 0.6;
/** The lunchtime rush costs a little satisfaction (queues). */
const rush = (hour: number, peak: number) => (hour === peak || hour === peak + 1 ? 1.5 : 1);

export const DEMO_PROFILES: DemoProfile[] = [
  {
    ...store("madrid-centro"),
    kiosks: [0.6, 0.4],
    kioskNames: ["Entrada", "Cajas"],
    staff: ["Lucía", "Carlos", "Marta"],
    perDay: 20,
    busyHour: spanishHours,
    // Better every week: four months of work on the queue at the tills.
    scores: (daysAgo, hour) => {
      const w = rush(hour, 13);
      const better = 1 - daysAgo / 120;
      return [0.05 * w, 0.06 * w, 0.12 * w, 0.34, 0.3 + 0.2 * better];
    },
    englishShare: 0.25,
    commentShare: 0.14,
    members: [
      { phone: "+34600100201", joinedDaysAgo: 27, everyDays: 3, redeems: true },
      { phone: "+34600100202", joinedDaysAgo: 24, everyDays: 5, redeems: false },
      { phone: "+34600100203", joinedDaysAgo: 13, everyDays: 4, redeems: false },
    ],
  },
  {
    ...store("barcelona-gracia"),
    kiosks: [0.5, 0.5],
    kioskNames: ["Entrada", "Planta 1"],
    staff: ["Jordi", "Núria", "Pau"],
    perDay: 16,
    busyHour: spanishHours,
    scores: (_daysAgo, hour) => {
      const w = rush(hour, 13);
      return [0.05 * w, 0.06 * w, 0.13 * w, 0.34, 0.42];
    },
    englishShare: 0.3,
    commentShare: 0.12,
    members: [
      { phone: "+34600100301", joinedDaysAgo: 26, everyDays: 4, redeems: true },
      { phone: "+34600100302", joinedDaysAgo: 16, everyDays: 4, redeems: false },
    ],
  },
  {
    ...store("mexico-roma"),
    kiosks: [0.7, 0.3],
    kioskNames: ["Entrada", "Cajas"],
    staff: ["Diego", "Fernanda"],
    perDay: 9,
    busyHour: mexicanHours,
    // Weaker all along, and worse for a fortnight when the stock ran short.
    scores: (daysAgo, hour) => {
      const w = rush(hour, 14) * (daysAgo >= 28 && daysAgo < 42 ? 1.8 : 1);
      return [0.12 * w, 0.13 * w, 0.22 * w, 0.3, 0.23];
    },
    englishShare: 0.1,
    commentShare: 0.16,
    members: [{ phone: "+525500100401", joinedDaysAgo: 20, everyDays: 5, redeems: false }],
  },
];
