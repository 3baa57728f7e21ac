/**
 * Month roll-ups on DynamoDB Local: the job rolls up every ended month once (not the current one), stops
 * when its time runs out and goes on at the next run, and results read through the roll-ups are exactly
 * the results read day by day. A late answer landing in a rolled-up month counts at once (the month is read
 * from its days) and the next run rolls the month up again. Handlers and jobs run on a fixed clock.
 */
import { randomUUID } from "node:crypto";
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import type { Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAnswerWriter } from "../../functions/src/adapters/dynamo/answer-writer.ts";
import { makeDocumentClient, type Table } from "../../functions/src/adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../../functions/src/adapters/dynamo/device-repository.ts";
import { makeResultsRepository } from "../../functions/src/adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../../functions/src/adapters/dynamo/store-repository.ts";
import { ingestResponses } from "../../functions/src/domain/ingestion.ts";
import { storeResults } from "../../functions/src/domain/results.ts";
import { readStorePeriods } from "../../functions/src/domain/store-periods.ts";
import { makeJob } from "../../functions/src/jobs/roll-up-months.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const STORE = "barcelona-gracia";
const OTHER = "mexico-roma";
const DAYS = 130;
/** 12:00 in Madrid on 17 June 2026: February to May 2026 have ended, June is the current month. */
const CLOCK_AT = "2026-06-17T10:00:00Z";
const TODAY = "2026-06-17";
/** The months a 130-day history ending on TODAY touches, written out here rather than computed. */
const ENDED = ["2026-02", "2026-03", "2026-04", "2026-05"];

let api: TestApi;
let token: string;
let table: Table;
const range = { from: "2026-02-08", to: TODAY };
const path = (misuse = false) =>
  `/v1/stores/${STORE}/results?from=${range.from}&to=${range.to}${misuse ? "&includeMisuse=true" : ""}`;

function deps(now: Date) {
  return {
    stores: makeStoreRepository(table),
    devices: makeDeviceRepository(table),
    rules: { get: async () => [] },
    writer: makeAnswerWriter(table),
    clock: { now: () => now },
  };
}

/** A few answers a day over the last DAYS days, each ingested as if it arrived a minute after it was given. */
async function loadHistory(storeId: string): Promise<number> {
  const deviceToken = await api.pairDevice(storeId);
  const deviceId = JSON.parse(Buffer.from(deviceToken.split(".")[1]!, "base64url").toString()).sub;
  const device = { role: "device" as const, sub: deviceId, storeId };
  let stored = 0;
  for (let i = DAYS - 1; i >= 0; i--) {
    const day = Date.parse(CLOCK_AT) - i * 86_400_000 - 3_600_000;
    const answers = Array.from({ length: 1 + (i % 4) }, (_, k) => ({
      id: randomUUID(),
      at: new Date(day - k * 600_000 - (i % 7) * 3_600_000).toISOString(),
      score: 1 + ((i + k) % 5),
      ...(k === 1 ? { reasons: i % 2 ? ["quality"] : ["price"] } : {}),
      ...(k === 2 ? { comment: "Muy bien" } : {}),
      ...(k === 3 ? { misuse: true } : {}),
      ...(i % 9 === 0 && k === 0
        ? { optIn: { email: "a@b.es", consent: { version: "v1", granted: true as const } } }
        : {}),
    }));
    const out = await ingestResponses(
      deps(new Date(day + 60_000)),
      device,
      answers.sort((a, b) => a.at.localeCompare(b.at)),
    );
    stored += out.filter((r) => r.status === "stored").length;
  }
  return stored;
}

beforeAll(async () => {
  api = await startApi({ clockAt: CLOCK_AT });
  table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }), name: api.tableName };
  token = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  expect(await loadHistory(STORE)).toBeGreaterThan(DAYS);
  expect(await loadHistory(OTHER)).toBeGreaterThan(DAYS);
}, 180_000);
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

/** The job on this file's table and clock, wired as its module wires the real one. */
const rollUpMonths = (context: Context) =>
  makeJob({
    stores: makeStoreRepository(table),
    results: makeResultsRepository(table),
    clock: { now: () => api.now() },
  })({}, context);

/** A Lambda context with time to start `stores` more stores, then none. */
function contextWithTime(stores: number): Context {
  let left = stores;
  return { getRemainingTimeInMillis: () => (left-- > 0 ? 60_000 : 1_000) } as unknown as Context;
}

const rolled = async (storeId: string) =>
  (await makeResultsRepository(table).monthStates(storeId)).filter((m) => m.current).map((m) => m.month);

describe("month roll-ups", () => {
  it("stop when the run is out of time and go on at the next one", async () => {
    // Stores by id: barcelona-gracia (history), madrid-centro (none), mexico-roma (history).
    const first = await rollUpMonths(contextWithTime(1));
    const afterFirst = [await rolled(STORE), await rolled(OTHER)];
    const second = await rollUpMonths(contextWithTime(100));
    const third = await rollUpMonths(contextWithTime(100));

    expect(first).toEqual({ months: 4, finished: false });
    expect(afterFirst).toEqual([ENDED, []]);
    expect(second).toEqual({ months: 4, finished: true });
    expect(await rolled(OTHER)).toEqual(ENDED);
    expect(third).toEqual({ months: 0, finished: true });
  });

  it("are written for every ended month from the first day with data, never for the current one", async () => {
    expect((await rolled(STORE)).sort()).toEqual(ENDED);
    const periods = await readStorePeriods(makeResultsRepository(table), STORE, range, TODAY);
    expect(periods.months.map((m) => m.month)).toEqual(["2026-03", "2026-04", "2026-05"]);
    // A partial first month and the current month are read day by day.
    expect([...new Set(periods.days.map((d) => d.date.slice(0, 7)))].sort()).toEqual(["2026-02", "2026-06"]);
  });

  it("give the same results through the route as from every day item, with and without misuse", async () => {
    const repo = makeResultsRepository(table);
    const store = (await makeStoreRepository(table).get(STORE))!;
    const days = await repo.storeDays(STORE, range.from, range.to);

    const viaRoute = await api.request<StoreResults>("GET", path(), { token });
    const viaRouteMisuse = await api.request<StoreResults>("GET", path(true), { token });

    expect(viaRoute.status).toBe(200);
    expect(viaRoute.json.total).toBeGreaterThan(DAYS);
    expect(viaRoute.json.misuse).toBeGreaterThan(0);
    expect(viaRoute.json.reasons.length).toBeGreaterThan(0);
    expect(viaRoute.json).toEqual(storeResults(store, { days, months: [] }, range));
    expect(viaRouteMisuse.json).toEqual(storeResults(store, { days, months: [] }, range, true));
  });

  it("count a late answer in a rolled-up month at once, and roll that month up again at the next run", async () => {
    const before = (await api.request<StoreResults>("GET", path(), { token })).json;
    const deviceToken = await api.pairDevice(STORE);
    const late = { id: randomUUID(), at: "2026-03-10T16:00:00+01:00", score: 5, reasons: ["quick"] };

    const sent = await api.request("POST", "/v1/responses", { token: deviceToken, body: { responses: [late] } });
    const right = (await api.request<StoreResults>("GET", path(), { token })).json;
    const statesBefore = await makeResultsRepository(table).monthStates(STORE);
    const run = await rollUpMonths(contextWithTime(100));
    const after = (await api.request<StoreResults>("GET", path(), { token })).json;

    expect(sent.json.results[0].status).toBe("stored");
    expect(right.total).toBe(before.total + 1);
    expect(right.daily.find((d) => d.date === "2026-03-10")!.total).toBe(
      before.daily.find((d) => d.date === "2026-03-10")!.total + 1,
    );
    expect(right.reasons.find((r) => r.id === "quick")?.count).toBe(1);
    expect(statesBefore.find((m) => m.month === "2026-03")).toMatchObject({ current: false, rev: 1 });
    expect(run).toEqual({ months: 1, finished: true });
    expect(after).toEqual(right);
    expect((await rolled(STORE)).sort()).toEqual(ENDED);
  });
});
