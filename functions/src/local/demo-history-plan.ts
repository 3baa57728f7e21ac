/**
 * The demo's past, planned without I/O: which shoppers answered which kiosk of which demo store, when and
 * how, day by day. Each store-day has its own seeded random stream, so a day is the same on every machine
 * and whichever day it is planned on; the loader (demo-history.ts) sends the visits through ingestion.
 */

import { type OptIn, type ResponseItem, Score } from "@sonrisa/shared/schemas/responses";
import type { OpeningHours } from "@sonrisa/shared/schemas/store";
import { addDays, weekdayOf, zonedToUtc } from "@sonrisa/shared/time";
import type { DemoMember, DemoProfile } from "./demo-history-stores.ts";
import { historyText } from "./demo-history-texts.ts";

/** One shopper at a kiosk, and what staff did about it. */
export interface Visit {
  item: ResponseItem;
  /** Index of the store's demo kiosk that took the answer. */
  kiosk: number;
  /** When the flow ended: a shopper who waited sees the thank-you (and a win) then; one who walked away does not. */
  sentAt: string;
  waited: boolean;
  /** If the answer wins a surprise: when staff hand it over, and who (undefined: nobody claims it). */
  handOver?: { at: string; staffName: string };
  /** A gift staff give on their own after this answer (an apology, a thank-you). */
  spontaneous?: { at: string; staffName: string; gift: string; stockItem?: string; reason: string };
  /** A club member's visit: the one that joins (an opt-in), or one identified by phone; `redeems`: the reward's stamps. */
  member?: { phone: string; joins: boolean; redeems?: number };
}

/** The days before today since which the demo's surprise rule runs: answers before it count for no rule. */
export const SURPRISES_SINCE_DAYS = 28;

/** 32-bit seeded generator (mulberry32): small, fast, and the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a text: the seed of one store-day's stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A UUID (version 4 layout) from the generator, so an answer's id is the same on every run. */
function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Busier at the end of the week: Monday … Sunday. */
const WEEKDAY_FACTOR = [0.8, 0.85, 0.9, 1, 1.25, 1.6, 1.35];
/** A kiosk's answers are at least this far apart (well over any store's misuse interval). */
const KIOSK_GAP_MS = 45_000;

/** Minutes of the opening spells of a weekday, each weighted by how busy its hour is. */
function openMinutes(hours: OpeningHours, weekday: number, busy: (hour: number) => number): number[][] {
  const out: number[][] = [];
  for (const spell of hours[weekday] ?? []) {
    const [oh, om] = spell.open.split(":").map(Number) as [number, number];
    const [ch, cm] = spell.close.split(":").map(Number) as [number, number];
    for (let m = oh * 60 + om; m < ch * 60 + cm; m++) out.push([m, busy(Math.floor(m / 60))]);
  }
  return out;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function weighted(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/**
 * The visits of one store on one local date, in time order (none on a closed day). `daysAgo` lets a store
 * change over the season (Madrid gets better; Mexico has a bad fortnight).
 */
export function planDay(profile: DemoProfile, date: string, daysAgo: number): Visit[] {
  const random = seededRandom(hash(`sonrisa-demo|${profile.storeId}|${date}`));
  const weekday = weekdayOf(date);
  const minutes = openMinutes(profile.openingHours, weekday, profile.busyHour);
  if (minutes.length === 0) return [];
  const expected = profile.perDay * (WEEKDAY_FACTOR[weekday] ?? 1) * (0.8 + random() * 0.4);
  const count = Math.max(1, Math.round(expected));
  const weights = minutes.map(([, w]) => w as number);
  const times = Array.from({ length: count }, () => {
    const [minute] = minutes[weighted(random, weights)] as number[];
    return ((minute as number) * 60 + Math.floor(random() * 60)) * 1000;
  }).sort((a, b) => a - b);

  const kioskLast = profile.kiosks.map(() => Number.NEGATIVE_INFINITY);
  const visits: Visit[] = [];
  for (const offset of times) {
    const kiosk = weighted(random, profile.kiosks);
    // From the local hour's start: a day with a DST change (at night) has its hours in the right place.
    const hour = Math.floor(offset / 3_600_000);
    const wall = zonedToUtc(date, hour, profile.timeZone).getTime() + (offset % 3_600_000);
    const at = Math.max(wall, (kioskLast[kiosk] as number) + KIOSK_GAP_MS);
    kioskLast[kiosk] = at;
    visits.push(visit(profile, random, at, hour, daysAgo, kiosk));
  }
  visits.sort((a, b) => a.item.at.localeCompare(b.item.at));
  profile.members.forEach((member, m) => {
    const visitNumber = memberVisit(profile, member, date, daysAgo);
    if (visitNumber !== undefined)
      asMember(profile, member, visitNumber, visits, (m + 1) / (profile.members.length + 1));
  });
  return visits;
}

/** Which of the member's visits falls on this date (0: the joining one), if any: every few days, on open days. */
function memberVisit(profile: DemoProfile, member: DemoMember, date: string, daysAgo: number): number | undefined {
  const open = (day: string) => (profile.openingHours[weekdayOf(day)] ?? []).length > 0;
  const nextOpen = (day: string) => {
    let d = day;
    while (!open(d)) d = addDays(d, 1);
    return d;
  };
  let visit = nextOpen(addDays(date, daysAgo - member.joinedDaysAgo));
  for (let n = 0; visit <= date; n++) {
    if (visit === date) return n;
    visit = nextOpen(addDays(visit, member.everyDays));
  }
  return undefined;
}

/**
 * Makes one of the day's visits the member's (a content shopper's, from `share` of the way through the day):
 * the joining one opts in to the club with the phone; later ones are identified by it. The card has a stamp
 * per visiting day, the joining one included: the visit that completes the first reward redeems it, if the
 * member does.
 */
function asMember(profile: DemoProfile, member: DemoMember, visitNumber: number, visits: Visit[], share: number) {
  const from = Math.floor(visits.length * share);
  const chosen = [...visits.slice(from), ...visits.slice(0, from)].find((v) => !v.member && v.item.score >= 3);
  if (!chosen) return;
  const { optIn: _optIn, ...item } = chosen.item;
  const joins = visitNumber === 0;
  chosen.item = joins
    ? { ...item, optIn: { phone: member.phone, loyalty: { version: profile.club.consentVersion, granted: true } } }
    : { ...item, member: { phone: member.phone } };
  const redeems = member.redeems && visitNumber + 1 === profile.club.rewardStamps;
  chosen.member = { phone: member.phone, joins, ...(redeems ? { redeems: profile.club.rewardStamps } : {}) };
}

function visit(
  profile: DemoProfile,
  random: () => number,
  at: number,
  hour: number,
  daysAgo: number,
  kiosk: number,
): Visit {
  const id = seededUuid(random);
  const score = Score.parse(1 + weighted(random, profile.scores(daysAgo, hour)));
  const sentiment = score >= 4 ? "positive" : score === 3 ? "neutral" : "negative";
  const lang = random() < profile.englishShare ? "en" : "es";
  const reasonIds = profile.reasons[sentiment];
  const reasons = random() < 0.65 ? [...new Set([pick(random, reasonIds), pick(random, reasonIds)])] : [];
  const comment = random() < profile.commentShare ? historyText(random, "comments", sentiment, lang) : undefined;
  const optIn = random() < (score >= 4 ? 0.07 : 0.025) ? optInOf(random, profile) : undefined;
  const sentAt = at + (12 + Math.floor(random() * 40)) * 1000;
  const item: ResponseItem = {
    id,
    at: new Date(at).toISOString(),
    score,
    lang,
    ...(reasons.length ? { reasons } : {}),
    ...(comment ? { comment } : {}),
    ...(optIn ? { optIn } : {}),
  };
  const staffName = pick(random, profile.staff);
  const claimed = random() < 0.88;
  const handOver = claimed
    ? { at: new Date(sentAt + (60 + Math.floor(random() * 420)) * 1000).toISOString(), staffName }
    : undefined;
  const gave = score <= 2 && random() < 0.08;
  const spontaneous = gave
    ? {
        at: new Date(sentAt + (120 + Math.floor(random() * 600)) * 1000).toISOString(),
        staffName,
        ...(random() < 0.7 ? { gift: "Café", stockItem: "coffee" } : { gift: "Bolsa de tela", stockItem: "tote-bag" }),
        reason: historyText(random, "apologies", "negative", "es"),
      }
    : undefined;
  return {
    item,
    kiosk,
    sentAt: new Date(sentAt).toISOString(),
    waited: random() < 0.75,
    ...(handOver ? { handOver } : {}),
    ...(spontaneous ? { spontaneous } : {}),
  };
}

function optInOf(random: () => number, profile: DemoProfile): OptIn {
  const name = `${pick(random, ["ana", "luis", "marta", "jorge", "sofia", "pablo", "elena", "diego", "laura", "ivan"])}.${Math.floor(random() * 9000 + 1000)}`;
  const consent = { version: profile.consentVersion, granted: true as const };
  return random() < 0.8
    ? { email: `${name}@example.com`, consent }
    : { social: { network: pick(random, ["instagram", "tiktok"] as const), handle: name.replace(".", "_") }, consent };
}

/** The dates of the history ending the day before `today`: `days` of them, oldest first. */
export function historyDates(today: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days));
}

/** The id of a store's demo kiosk: the same on every machine, like the answers it took. */
export function demoKioskId(storeId: string, index: number): string {
  return seededUuid(seededRandom(hash(`sonrisa-demo-kiosk|${storeId}|${index}`)));
}
