/**
 * The demo history on DynamoDB Local: every planned answer lands once through ingestion, with surprise wins,
 * hand-overs and holdout; loading again writes nothing, a later day adds only that day, and results read
 * through the month roll-ups agree with the plan; its opt-ins' follow-ups are sent at their own moments;
 * while it loads, it tells how far it is (what /v1/health
 * says on the local stack). A short history, on a fixed clock across a month's end.
 */
import type { HealthResponse } from "@sonrisa/shared/schemas/common";
import type { FollowUpCounts, FollowUpStats } from "@sonrisa/shared/schemas/follow-ups";
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import { daysBetween } from "@sonrisa/shared/time";
import type { Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDemoHistoryProgress } from "../../functions/src/adapters/demo-history-progress.ts";
import { makeDocumentClient, type Table } from "../../functions/src/adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../../functions/src/adapters/dynamo/device-repository.ts";
import { makeResultsRepository } from "../../functions/src/adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../../functions/src/adapters/dynamo/store-repository.ts";
import { makeJob } from "../../functions/src/jobs/roll-up-months.ts";
import {
  EMPTY_REPORT,
  type HistoryProgress,
  type HistoryReport,
  loadDemoHistory,
  sendPastFollowUps,
} from "../../functions/src/local/demo-history.ts";
import { historyDates, planDay } from "../../functions/src/local/demo-history-plan.ts";
import { DEMO_PROFILES } from "../../functions/src/local/demo-history-stores.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

/** 12:00 in Madrid on 3 June 2026: the history's first days are in May, which has ended. */
const CLOCK_AT = "2026-06-03T10:00:00Z";
const NEXT_DAY = "2026-06-04T10:00:00Z";
const DAYS = 8;

let api: TestApi;
let table: Table;
let token: string;
let first: HistoryReport;

/** What the first load told its onProgress, and what /v1/health answered meanwhile. */
const progress: HistoryProgress[] = [];
const healthSeen: HealthResponse[] = [];

const load = (at: string, onProgress?: (p: HistoryProgress) => void) =>
  loadDemoHistory({
    tableName: api.tableName,
    endpoint: api.dynamoEndpoint,
    days: DAYS,
    clock: { now: () => new Date(at) },
    ...(onProgress ? { onProgress } : {}),
  });

/** The first load as the local stack runs it: its progress reported where /v1/health reads it, and asked for. */
async function firstLoad(): Promise<HistoryReport> {
  let done = false;
  const asking = (async () => {
    while (!done) {
      healthSeen.push((await api.request<HealthResponse>("GET", "/v1/health")).json);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return await load(CLOCK_AT, (p) => {
      progress.push(p);
      reportDemoHistoryProgress({ stage: "answers", ...p });
    });
  } finally {
    reportDemoHistoryProgress(undefined);
    done = true;
    await asking;
  }
}

/** What the plan says a store takes on the given days (ending the day before `today`). */
function planned(storeId: string, today: string, days: number): number {
  const profile = DEMO_PROFILES.find((p) => p.storeId === storeId)!;
  return historyDates(today, days).reduce((n, date) => n + planDay(profile, date, daysBetween(date, today)).length, 0);
}

beforeAll(async () => {
  api = await startApi({ clockAt: CLOCK_AT, streams: true });
  table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }), name: api.tableName };
  token = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  first = await firstLoad();
}, 240_000);
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

describe("the demo history", () => {
  it("stores every planned answer once, with wins, most of them handed over, and a few spontaneous gifts", () => {
    const expected = DEMO_PROFILES.reduce((n, p) => n + planned(p.storeId, "2026-06-03", DAYS), 0);
    expect(first.answers).toBe(expected);
    expect(first.stored).toBe(expected);
    expect(first.days).toBe(DAYS);
    expect(first.wins).toBeGreaterThan(0);
    expect(first.handed).toBeGreaterThan(first.wins / 2);
    expect(first.handed).toBeLessThanOrEqual(first.wins);
  });

  it("tells how far it is as it stores answers, and /v1/health says so while it loads", async () => {
    const expected = DEMO_PROFILES.reduce((n, p) => n + planned(p.storeId, "2026-06-03", DAYS), 0);
    expect(progress[0]).toEqual({ planned: expected, stored: 0 });
    expect(progress.at(-1)).toEqual({ planned: expected, stored: expected });
    const stored = progress.map((p) => p.stored);
    expect(stored).toEqual([...stored].sort((a, b) => a - b));
    expect(new Set(stored).size).toBeGreaterThan(2);
    const told = healthSeen.flatMap((h) => (h.demoHistory ? [h.demoHistory] : []));
    expect(told.length).toBeGreaterThan(0);
    for (const t of told) expect(t).toMatchObject({ stage: "answers", planned: expected });
    // Once loaded, health says nothing of it.
    expect((await api.request<HealthResponse>("GET", "/v1/health")).json).toEqual({ ok: true });
  });

  it("sends the past's follow-ups at their own moments once the stream's consumers planned them", async () => {
    await api.streams!.drain();
    const sent = await sendPastFollowUps({
      tableName: api.tableName,
      endpoint: api.dynamoEndpoint,
      until: new Date(CLOCK_AT),
    });
    expect(sent.sent).toBeGreaterThan(0);
    expect(sent.expired).toBe(0);
    // Every opt-in of the history reached its kiosk's server at once: none was planned too late.
    const stats = await api.request<FollowUpStats>("GET", "/v1/follow-up-stats?from=2026-05-20&to=2026-06-03", {
      token,
    });
    expect(stats.status).toBe(200);
    const total = (key: keyof FollowUpCounts) => stats.json.rules.reduce((n, r) => n + r.counts[key], 0);
    expect(total("sent")).toBe(sent.sent);
    expect(total("expired")).toBe(0);
    expect(api.mailbox.list().length + api.smsBox.list().length).toBeGreaterThanOrEqual(Math.min(sent.sent, 200));
    // Run again, it finds nothing left to send.
    const again = await sendPastFollowUps({
      tableName: api.tableName,
      endpoint: api.dynamoEndpoint,
      until: new Date(CLOCK_AT),
    });
    expect(again.sent).toBe(0);
  });

  it("comes from two named demo kiosks per store, whose last answer is the history's newest", async () => {
    const kiosks = await makeDeviceRepository(table).listByStore("madrid-centro");
    expect(kiosks.map((k) => k.name).sort()).toEqual(["Cajas", "Entrada"]);
    for (const kiosk of kiosks) expect(kiosk.lastAnswerAt! < CLOCK_AT).toBe(true);
  });

  it("writes nothing when loaded again the same day, and only the new day on the next", async () => {
    const again = await load(CLOCK_AT);
    const next = await load(NEXT_DAY);

    expect(again).toEqual(EMPTY_REPORT);
    expect(next.days).toBe(1);
    const newDay = DEMO_PROFILES.reduce((n, p) => n + planned(p.storeId, "2026-06-04", 1), 0);
    expect(next.stored).toBe(newDay);
  });

  it("reads the same through the month roll-ups as the plan: May rolled up, June day by day", async () => {
    const context = { getRemainingTimeInMillis: () => 60_000 } as unknown as Context;
    const job = makeJob({
      stores: makeStoreRepository(table),
      results: makeResultsRepository(table),
      clock: { now: () => api.now() },
    });
    expect((await job({}, context)).months).toBeGreaterThan(0);

    const res = await api.request<StoreResults>(
      "GET",
      "/v1/stores/madrid-centro/results?from=2026-05-01&to=2026-06-03",
      { token },
    );

    expect(res.status).toBe(200);
    expect(res.json.total).toBe(planned("madrid-centro", "2026-06-04", DAYS + 1));
    expect(res.json.gifts.won).toBeGreaterThan(0);
    expect(res.json.gifts.handed).toBeGreaterThan(0);
    expect(res.json.holdout.treatment).toBeGreaterThan(0);
    expect(res.json.reasons.length).toBeGreaterThan(3);
  });
});
