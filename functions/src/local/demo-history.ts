/**
 * Loads the demo's past (demo-history-plan.ts) through the real answer path: each answer goes through the
 * ingestion use case and the DynamoDB answer writer as its kiosk sent it, the moment the shopper left the
 * thank-you screen (marked present, the clock set to that moment), and staff hand over wins and give
 * spontaneous gifts through the gifts use case at their own moments. Local mode only.
 *
 * What must happen in order does, and the rest runs beside it: a store's surprise weeks are one chain (wins,
 * budget and stock depend on the order); the days before the surprise, the other stores and `alongside` run
 * at the same time, and staff's gifts that need not be in the chain wait for a week's end (handOverWins,
 * giveOlderGifts).
 *
 * Idempotent: once a store's days are loaded, the last one is kept as a job cursor, so a restart writes
 * nothing and a start on a later day adds only the days since. Answer ids come from the seed, so a load
 * interrupted half-way is sent again on the next start and its answers come back as duplicates.
 */
import type { StockItem, SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { addDays, daysBetween, endOfLocalDay, localParts, weekdayOf } from "@sonrisa/shared/time";
import { fixedClock, systemClock } from "../adapters/clock.ts";
import { makeAnswerWriter } from "../adapters/dynamo/answer-writer.ts";
import { makeDocumentClient, type Table } from "../adapters/dynamo/client.ts";
import { makeContactRepository } from "../adapters/dynamo/contact-repository.ts";
import { makeDeviceRepository } from "../adapters/dynamo/device-repository.ts";
import { makeGiftRepository } from "../adapters/dynamo/gift-repository.ts";
import { makeJobStateRepository } from "../adapters/dynamo/job-state-repository.ts";
import { makeLoyaltyProgramRepository } from "../adapters/dynamo/loyalty-program-repository.ts";
import { makeMemberRepository } from "../adapters/dynamo/member-repository.ts";
import { makeRulesRepository } from "../adapters/dynamo/rules-repository.ts";
import { makeStaffRepository } from "../adapters/dynamo/staff-repository.ts";
import { makeStoreRepository } from "../adapters/dynamo/store-repository.ts";
import { makeThrottleRepository } from "../adapters/dynamo/throttle-repository.ts";
import { auditLog } from "../adapters/logger.ts";
import { loadConfig } from "../config.ts";
import { type DispatchSummary, dispatchDue } from "../domain/dispatch.ts";
import { Conflict, Unavailable } from "../domain/errors.ts";
import { expireGifts, handOverGift } from "../domain/gifts.ts";
import { ingestResponses } from "../domain/ingestion.ts";
import type { Clock } from "../domain/ports/clock.ts";
import type { DeviceRecord } from "../domain/ports/device-repository.ts";
import type { StoreRecord } from "../domain/ports/store-repository.ts";
import { drawWins, inHoldout, qualifyingRule } from "../domain/surprises.ts";
import { makeDeps } from "../wiring.ts";
import { type DemoClub, demoClub } from "./demo-history-club.ts";
import { demoKioskId, historyDates, planDay, SURPRISES_SINCE_DAYS, type Visit } from "./demo-history-plan.ts";
import { DEMO_PROFILES, type DemoProfile } from "./demo-history-stores.ts";
import { DEMO_STOCK } from "./seed-demo.ts";

/** About three months: the dashboard's default ranges and the last full months all have data. */
export const DEMO_HISTORY_DAYS = 90;
/** A kiosk sends at most this many answers in one batch (SubmitResponsesRequest's limit). */
const MAX_BATCH = 100;
/** Attempts of a step DynamoDB Local was too busy for. */
const RETRIES = 6;

export interface HistoryOptions {
  tableName: string;
  endpoint: string;
  /** Days before today to fill (default DEMO_HISTORY_DAYS). */
  days?: number;
  /** "Now" (default the system clock): the history ends the day before it, in each store's zone. */
  clock?: Clock;
  /**
   * More of the demo's past to write when this load has days to fill (the effect page's people): run beside
   * the history from its start, filling the time the surprise's days spend waiting on DynamoDB Local one
   * store-step at a time.
   */
  alongside?: () => Promise<unknown>;
  /**
   * Called as answers are sent: how many the days to fill have, and how many are in so far (stored now, or
   * already by a load cut short); `npm start` shows it while the load runs in the background.
   */
  onProgress?: (progress: HistoryProgress) => void;
}

/** How far a load is: answers planned for its days, and how many are in so far. */
export interface HistoryProgress {
  planned: number;
  stored: number;
}

/** What a load wrote: `days` loaded (the most of any store), and sums over the stores. */
export interface HistoryReport {
  days: number;
  answers: number;
  stored: number;
  wins: number;
  handed: number;
  spontaneous: number;
  /** Club members who joined at a kiosk, identified visits that got a stamp, rewards redeemed. */
  joined: number;
  stamped: number;
  redeemed: number;
  /**
   * When something was loaded: when the days before the surprise (of every store), the surprise's days and
   * `alongside` were done, each counted from the load's start (they overlap).
   */
  phases?: { olderMs: number; recentMs: number; alongsideMs: number };
}

/** What a load that had nothing to do wrote. */
export const EMPTY_REPORT: HistoryReport = {
  days: 0,
  answers: 0,
  stored: 0,
  wins: 0,
  handed: 0,
  spontaneous: 0,
  joined: 0,
  stamped: 0,
  redeemed: 0,
};

type Repos = ReturnType<typeof repositories>;

function repositories(table: Table) {
  return {
    stores: makeStoreRepository(table),
    devices: makeDeviceRepository(table),
    rules: makeRulesRepository(table),
    // The writer's own chunks, as the kiosk's handler has them: DynamoDB Local's CPU goes per answer (measured
    // alike for 25, 50 and 100 a transaction), and it runs one request's work at a time, so the surprise's
    // chain waits less behind a transaction of 25 of the older days' answers than behind one of 100.
    writer: makeAnswerWriter(table),
    gifts: makeGiftRepository(table),
    staff: makeStaffRepository(table),
    jobs: makeJobStateRepository(table),
    // Identification of members (the history's answers identify none, but the use case needs its ports)
    members: makeMemberRepository(table),
    contacts: makeContactRepository(table),
    program: makeLoyaltyProgramRepository(table),
    throttles: makeThrottleRepository(table),
    log: auditLog,
  };
}

/** Fills the demo stores' missing past days; the demo organisation (seed-demo.ts) must exist. */
export async function loadDemoHistory(opts: HistoryOptions): Promise<HistoryReport> {
  if ((process.env.SONRISA_MODE ?? "local") !== "local") throw new Error("The demo history is for local mode only");
  // No wait for each local commit to be on disk: a load DynamoDB Local dies in is not marked done, and the
  // next start sends it again (answers by their ids, hand-overs by their gifts' state).
  const doc = makeDocumentClient({ DYNAMODB_ENDPOINT: opts.endpoint }, { localCommitWait: false });
  const table: Table = { doc, name: opts.tableName };
  const repos = repositories(table);
  const club = demoClub(table);
  const now = (opts.clock ?? systemClock).now();
  const started = performance.now();
  const loads = await Promise.all(
    DEMO_PROFILES.map((p) => prepareStore(repos, club, p, now, opts.days ?? DEMO_HISTORY_DAYS)),
  );
  const pending = loads.filter((l): l is StoreLoad => l !== undefined);
  if (pending.length === 0) return { ...EMPTY_REPORT };
  const planned = pending.reduce((n, load) => n + load.planned, 0);
  const progress = () => opts.onProgress?.({ planned, stored: pending.reduce((n, load) => n + load.sent, 0) });
  for (const load of pending) load.progress = progress;
  progress();
  const done = (work: Promise<unknown>) => work.then(() => Math.round(performance.now() - started));
  // The days before the surprise began: nothing can win, so their order does not matter. Every kiosk sends its
  // own answers in full batches, all kiosks at once, beside the surprise's days: a store's two phases share
  // only the kiosks (one batch at a time each, kioskLane) and the stock (giveOlderGifts).
  const older = pending.map((load) => Promise.all(load.kiosks.map((_, kiosk) => loadOlderDays(load, kiosk))));
  const recent = pending.map((load, i) => loadRecentDays(load, older[i] as Promise<unknown>));
  const [olderMs, recentMs, alongsideMs] = await Promise.all([
    done(Promise.all(older)),
    done(Promise.all(recent)),
    done(opts.alongside?.() ?? Promise.resolve()),
  ]);
  for (const load of pending) await repos.jobs.saveCursor(load.marker, load.dates.at(-1) as string, now.toISOString());
  const total = pending.reduce<HistoryReport>(
    (sum, { report: r }) => ({
      days: Math.max(sum.days, r.days),
      answers: sum.answers + r.answers,
      stored: sum.stored + r.stored,
      wins: sum.wins + r.wins,
      handed: sum.handed + r.handed,
      spontaneous: sum.spontaneous + r.spontaneous,
      joined: sum.joined + r.joined,
      stamped: sum.stamped + r.stamped,
      redeemed: sum.redeemed + r.redeemed,
    }),
    { ...EMPTY_REPORT },
  );
  return { ...total, phases: { olderMs, recentMs, alongsideMs } };
}

/** One store's load: what is missing, its kiosks, and what was written so far. */
interface StoreLoad {
  profile: DemoProfile;
  store: StoreRecord;
  deps: LoadDeps;
  marker: string;
  today: string;
  dates: string[];
  kiosks: string[];
  /** Each kiosk's sends, one at a time. */
  lanes: KioskLane[];
  rules: SurpriseRule[];
  club: DemoClub;
  report: HistoryReport;
  /** Staff's hand-overs of wins since the last week's end (handOverWins). */
  handOvers: Array<() => Promise<void>>;
  /** Staff's spontaneous gifts of the days before the surprise (giveOlderGifts). */
  olderGifts: Array<() => Promise<void>>;
  /** The answers of its missing days, and how many of them are in (stored now, or by a load cut short). */
  planned: number;
  sent: number;
  /** Tells the load's onProgress after each batch stored. */
  progress: () => void;
}

/** The store's missing days (none: undefined), its kiosks paired, the rules and the devices held for the load. */
async function prepareStore(
  repos: Repos,
  club: DemoClub,
  profile: DemoProfile,
  now: Date,
  days: number,
): Promise<StoreLoad | undefined> {
  const store = await repos.stores.get(profile.storeId);
  if (!store) throw new Error(`The demo store ${profile.storeId} does not exist: seed the demo first`);
  const marker = `demo-history:${profile.storeId}`;
  const loaded = await repos.jobs.cursor(marker);
  const today = localParts(now, store.timeZone).date;
  const dates = historyDates(today, days).filter((date) => !loaded || date > loaded);
  if (dates.length === 0) return undefined;
  const [kiosks, rules] = await Promise.all([pairKiosks(repos, profile, dates[0] as string, now), repos.rules.get()]);
  const deps: LoadDeps = {
    ...repos,
    stores: { ...repos.stores, get: async () => store },
    rules: { get: async () => [] },
    devices: heldDevices(repos.devices),
  };
  const report = { ...EMPTY_REPORT, days: dates.length };
  const lanes = kiosks.map(() => kioskLane());
  return {
    profile,
    store,
    deps,
    marker,
    today,
    dates,
    kiosks,
    lanes,
    rules,
    club,
    report,
    handOvers: [],
    olderGifts: [],
    planned: dates.reduce((n, date) => n + planDay(profile, date, daysBetween(date, today)).length, 0),
    sent: 0,
    progress: () => undefined,
  };
}

/** One kiosk's answers of the days before the surprise, in batches of a full sync. */
async function loadOlderDays(load: StoreLoad, kiosk: number): Promise<void> {
  const { profile, today, report } = load;
  const visits = load.dates
    .filter((date) => daysBetween(date, today) > SURPRISES_SINCE_DAYS)
    .flatMap((date) => planDay(profile, date, daysBetween(date, today)).filter((v) => v.kiosk === kiosk));
  report.answers += visits.length;
  let batch: Visit[] = [];
  for (const visit of visits) {
    batch.push(visit);
    // An opt-in ends its batch: its kiosk sends it the moment it is given, as an online kiosk does, so its
    // follow-ups are planned on time (an answer that syncs after a rule's expiry gets none).
    if (batch.length < MAX_BATCH && !visit.item.optIn) continue;
    await send(load, load.deps, kiosk, batch, { gifts: load.olderGifts });
    batch = [];
  }
  if (batch.length) await send(load, load.deps, kiosk, batch, { gifts: load.olderGifts });
}

/**
 * The days since the surprise began, in time order: each kiosk's queue is sent when a shopper who may win
 * waits at the thank-you, and on Monday mornings staff's hand-overs of last week are in, its unclaimed wins
 * give their stock back (the nightly job's part) and the delivery comes; after the last day, the unclaimed
 * wins of that day expire. The last week waits for the store's days before the surprise (`older`), so each
 * kiosk's last batch, whose moment is the kiosk's "last seen", is one of the history's last.
 */
async function loadRecentDays(load: StoreLoad, older: Promise<unknown>): Promise<void> {
  const { profile, store, today, kiosks, report } = load;
  const repos = load.deps;
  const dates = load.dates.filter((date) => daysBetween(date, today) <= SURPRISES_SINCE_DAYS);
  const deps: LoadDeps = { ...load.deps, rules: { get: async () => load.rules } };
  const queues = kiosks.map((): Visit[] => []);
  const flush = async (kiosk: number, present?: Visit) => {
    const batch = (queues[kiosk] as Visit[]).splice(0);
    if (batch.length) await send(load, deps, kiosk, batch, { present });
  };
  const delivery = (i: number) => i === 0 || weekdayOf(dates[i] as string) === 0;
  const lastDelivery = Math.max(0, ...[...dates.keys()].filter(delivery));
  for (const [i, date] of dates.entries()) {
    if (i === Math.min(lastDelivery, Math.max(0, dates.length - 7))) await older;
    if (delivery(i)) {
      const lastNight = fixedClock(endOfLocalDay(addDays(date, -1), store.timeZone));
      if (i === lastDelivery) await giveOlderGifts(load);
      await handOverWins(load);
      await again(() => expireGifts({ gifts: repos.gifts, clock: lastNight }, store));
      await again(() => restock(repos.gifts, store.storeId));
    }
    const visits = planDay(profile, date, daysBetween(date, today));
    for (const visit of visits) {
      const queue = queues[visit.kiosk] as Visit[];
      queue.push(visit);
      const present = visit.waited && mayWin(load.rules, store.storeId, visit);
      // A member's answer goes at once too: the club's steps around it need it stored, in order. So does an
      // opt-in, so that its follow-ups are planned on time (loadOlderDays).
      if (present || visit.member || visit.item.optIn) await flush(visit.kiosk, present ? visit : undefined);
      else if (queue.length >= MAX_BATCH) await flush(visit.kiosk);
      if (visit.member) await clubSteps(load, visit);
    }
    report.answers += visits.length;
  }
  await older;
  await giveOlderGifts(load); // none left, unless no day of the surprise was missing
  for (const kiosk of kiosks.keys()) await flush(kiosk);
  const lastNight = fixedClock(endOfLocalDay(addDays(today, -1), store.timeZone));
  await handOverWins(load);
  await again(() => expireGifts({ gifts: repos.gifts, clock: lastNight }, store));
}

/**
 * Staff's hand-overs of the wins since the last call, all at once. A win reserved its stock when it was
 * written, and a hand-over takes the item off both the count and the reservation, so what is free for
 * later wins and spontaneous gifts is the same whether it came before them or not, and nothing the
 * surprise's days read looks at a gift's state until the expiry at the week's end, which must find the
 * handed ones handed: run before it. (Beside the store's next answers, a hand-over would change the stock
 * values the writer claims on between its read and its transaction, and the retry would draw another code.)
 */
async function handOverWins(load: StoreLoad): Promise<void> {
  await Promise.all(load.handOvers.splice(0).map((handOver) => handOver()));
}

/**
 * Staff's spontaneous gifts of the days before the surprise, all at once, just before the surprise's last
 * Monday delivery. A gift takes its item from stock, which the surprise's claims are conditioned on, so it
 * cannot happen beside the surprise's chain; and a Monday's delivery fills the stock up again, as the first
 * one did after them before: the weeks in between find the same stock either way, full at their start.
 */
async function giveOlderGifts(load: StoreLoad): Promise<void> {
  await Promise.all(load.olderGifts.splice(0).map((give) => give()));
}

/** The member joins after the joining answer (the stream's part), and redeems at the visit that completes a reward. */
async function clubSteps(load: StoreLoad, visit: Visit): Promise<void> {
  const { joins, redeems } = visit.member ?? {};
  if (joins) {
    await again(() => load.club.join(visit));
    load.report.joined += 1;
  }
  if (redeems && (await again(() => load.club.redeem(load.store, visit, redeems)))) load.report.redeemed += 1;
}

/**
 * A kiosk sends one batch at a time, as the PWA's sync does: each batch is planned on the device's
 * last-answer time (heldDevices) and moves it, so a kiosk's older days and its surprise's days take turns.
 */
type KioskLane = <T>(send: () => Promise<T>) => Promise<T>;

function kioskLane(): KioskLane {
  let last: Promise<unknown> = Promise.resolve();
  return (send) => {
    const next = last.then(send);
    last = next.catch(() => undefined);
    return next;
  };
}

/**
 * The store's devices as the loader's kiosks know them: each read once, then its last-answer time moved
 * by the loader after each batch it stored. Ingestion's consistent read (after the writer found the device
 * moved on) goes to the table, so a wrong guess costs a re-plan, never a wrong burst check.
 */
function heldDevices(devices: Repos["devices"]): Repos["devices"] & HeldDevices {
  const held = new Map<string, DeviceRecord>();
  return {
    ...devices,
    async get(storeId, deviceId, opts) {
      const known = held.get(deviceId);
      if (known && !opts?.consistent) return known;
      const found = await devices.get(storeId, deviceId, opts);
      if (found) held.set(deviceId, found);
      return found;
    },
    stored(deviceId, newest) {
      const known = held.get(deviceId);
      if (known && (!known.lastAnswerAt || newest > known.lastAnswerAt))
        held.set(deviceId, { ...known, lastAnswerAt: newest });
    },
  };
}

interface HeldDevices {
  /** The device's batch was stored: its newest answer is the device's last-answer time now (if later). */
  stored(deviceId: string, newest: string): void;
}

/** The repositories, with the store, the rules in force and the devices held for the whole load. */
type LoadDeps = Omit<Repos, "rules" | "devices"> & {
  rules: Pick<Repos["rules"], "get">;
  devices: Repos["devices"] & HeldDevices;
};

/**
 * Whether the answer could win if its shopper waits for the thank-you: ingestion's own test (a qualifying
 * rule, the treatment group, the draw; budget and stock are the writer's to decide).
 */
function mayWin(rules: SurpriseRule[], storeId: string, visit: Visit): boolean {
  const { item } = visit;
  const answer = { id: item.id, score: item.score, optedIn: Boolean(item.optIn), member: false, misuse: false };
  const rule = qualifyingRule(rules, storeId, answer);
  if (!rule || inHoldout(item.id, rule.holdoutPercent)) return false;
  return rule.everyNth !== undefined || drawWins(rule, item.id);
}

/**
 * A kiosk's queued answers, sent when the last one's shopper waits at the thank-you and may win (marked
 * present, the clock at that moment), when the queue holds a full batch, or at the end of the load; then
 * what staff did about them (a win's hand-over is queued for handOverWins; spontaneous gifts are given at
 * once, or queued in `gifts`). Answers that cannot win go with the next sync instead of one by one: only
 * their `receivedAt` differs from an always-online kiosk's (minutes to days later), and the load needs a
 * transaction per batch instead of one per answer, which DynamoDB Local on a slow machine needs. An opt-in's
 * own moment ends its batch, so the opt-in itself is received on time.
 */
async function send(
  load: StoreLoad,
  deps: LoadDeps,
  kiosk: number,
  batch: Visit[],
  { present, gifts }: { present?: Visit | undefined; gifts?: Array<() => Promise<void>> },
): Promise<void> {
  const { store, report } = load;
  const deviceId = load.kiosks[kiosk] as string;
  const last = batch[batch.length - 1] as Visit;
  const clock = fixedClock(present?.sentAt ?? last.sentAt);
  const device = { role: "device" as const, sub: deviceId, storeId: store.storeId };
  const items = batch.map((v) => v.item);
  let attempts = 0;
  const results = await (load.lanes[kiosk] as KioskLane)(async () => {
    const out = await again(() => {
      attempts += 1;
      return ingestResponses({ ...deps, clock }, device, items, { present: present?.item.id, client: "demo-history" });
    });
    const newest = batch.reduce((max, v, i) => (out[i]?.status === "stored" && v.item.at > max ? v.item.at : max), "");
    if (newest) deps.devices.stored(deviceId, newest);
    return out;
  });
  const staff = { role: "staff" as const, sub: `staff:${store.storeId}`, storeId: store.storeId };
  const giftDeps = (at: string) => ({ ...deps, clock: fixedClock(at) });
  for (const [i, visit] of batch.entries()) {
    const result = results[i];
    // A retried batch finds what the attempt that timed out had written already: a duplicate of its own.
    if (result?.status === "stored" || (attempts > 1 && result?.status === "duplicate")) report.stored += 1;
    if (result?.member?.status === "stamped") report.stamped += 1;
    if (result?.surprise) {
      report.wins += 1;
      if (visit.handOver) {
        const { at, staffName } = visit.handOver;
        const request = { kind: "surprise" as const, code: result.surprise.code, staffName };
        load.handOvers.push(async () => {
          if (await handed(() => handOverGift(giftDeps(at), store.storeId, staff, request))) report.handed += 1;
        });
      }
    }
    // Only with the answer's first delivery, so a day loaded again does not give the gift twice.
    if (visit.spontaneous && result?.status === "stored") {
      const { at, staffName, gift, stockItem, reason } = visit.spontaneous;
      const request = { kind: "spontaneous" as const, gift, stockItem, reason, responseId: visit.item.id, staffName };
      const give = async () => {
        if (await handed(() => handOverGift(giftDeps(at), store.storeId, staff, request))) report.spontaneous += 1;
      };
      if (gifts) gifts.push(give);
      else await give();
    }
  }
  load.sent += batch.length;
  load.progress();
}

/**
 * Runs a step again, as a kiosk or the staff console would, when DynamoDB Local is too busy to answer in
 * time (a slow shared machine): every step is idempotent or checked (an answer by its id, a hand-over by
 * its gift's state).
 */
async function again<T>(step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof Unavailable) || attempt >= RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

/** False when staff could not hand it over (handed already on an earlier run, or no stock left). */
async function handed(handOver: () => Promise<unknown>): Promise<boolean> {
  try {
    await again(handOver);
    return true;
  } catch (error) {
    if (error instanceof Conflict) return false;
    throw error;
  }
}

/** The store's demo kiosks, paired (through a one-time code, as in the dashboard) and named on first use. */
async function pairKiosks(repos: Repos, profile: DemoProfile, firstDate: string, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, name] of profile.kioskNames.entries()) {
    const deviceId = demoKioskId(profile.storeId, index);
    ids.push(deviceId);
    if (await repos.devices.get(profile.storeId, deviceId)) continue;
    const code = `DEMO-${deviceId}`;
    await repos.devices.savePairingCode(code, profile.storeId, new Date(now.getTime() + 60_000));
    const pairedAt = new Date(endOfLocalDay(firstDate, profile.timeZone).getTime() - 86_400_000 + 8 * 3_600_000);
    await repos.devices.pair(code, { storeId: profile.storeId, deviceId, pairedAt: pairedAt.toISOString() }, now);
    await repos.devices.rename(profile.storeId, deviceId, name);
  }
  return ids;
}

/** Monday's delivery: every demo stock item back to its full count (the name staff gave it is kept). */
async function restock(gifts: Repos["gifts"], storeId: string): Promise<void> {
  const current = new Map<string, StockItem>((await gifts.stock(storeId)).map((s) => [s.item, s]));
  const low = DEMO_STOCK.filter((full) => (current.get(full.item)?.quantity ?? -1) < full.quantity);
  await Promise.all(
    low.map((full) => {
      const now = current.get(full.item);
      return gifts.putStock(storeId, {
        item: full.item,
        name: now?.name ?? full.name,
        quantity: full.quantity,
        lowAt: now?.lowAt ?? full.lowAt,
      });
    }),
  );
}

/**
 * The dispatcher's runs of the demo's past, after the stream's consumers planned the history's follow-ups
 * (local-stack.ts drains the stream first): each message due before `until` is sent at its own hour, as the
 * every-minute job would have (mail to /mail, texts to the SMS catcher), instead of expiring on the first run
 * of today's job. What is due after it is the running job's.
 */
export async function sendPastFollowUps(opts: {
  tableName: string;
  endpoint: string;
  /** When the load began: everything due before it is the history's (a shopper's taps since are due after it). */
  until: Date;
}): Promise<DispatchSummary> {
  if ((process.env.SONRISA_MODE ?? "local") !== "local") throw new Error("The demo history is for local mode only");
  const doc = makeDocumentClient({ DYNAMODB_ENDPOINT: opts.endpoint }, { localCommitWait: false });
  const table: Table = { doc, name: opts.tableName };
  try {
    const deps = makeDeps(loadConfig({ ...process.env, TABLE_NAME: table.name, SONRISA_MODE: "local" }), table);
    const due = await deps.messages.due(opts.until.toISOString(), 5_000);
    // One run an hour with something due, at the last due moment of that hour.
    const runs = new Map<string, string>();
    for (const m of due) {
      const hour = m.dueAt.slice(0, 13);
      if ((runs.get(hour) ?? "") < m.dueAt) runs.set(hour, m.dueAt);
    }
    const total: DispatchSummary = { sent: 0, failed: 0, unknown: 0, retry: 0, skipped: 0, expired: 0, stale: 0 };
    for (const at of [...runs.values()].sort()) {
      const run = await again(() => dispatchDue({ ...deps, clock: fixedClock(at) }));
      for (const key of Object.keys(total) as (keyof DispatchSummary)[]) total[key] += run[key];
    }
    return total;
  } finally {
    doc.destroy();
  }
}
