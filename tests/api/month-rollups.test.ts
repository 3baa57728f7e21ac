/**
 * Month roll-ups on DynamoDB Local: the job rolls up sealed months only, once, and results read through
 * them are exactly the results read day by day.
 */
import { randomUUID } from "node:crypto";
import type { StoreResults } from "@sonrisa/shared/schemas/results";
import { addDays, localParts, monthsBetween } from "@sonrisa/shared/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../functions/src/adapters/clock.ts";
import { makeAnswerWriter } from "../../functions/src/adapters/dynamo/answer-writer.ts";
import { makeDocumentClient } from "../../functions/src/adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../../functions/src/adapters/dynamo/device-repository.ts";
import { makeResultsRepository } from "../../functions/src/adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../../functions/src/adapters/dynamo/store-repository.ts";
import { ingestResponses } from "../../functions/src/domain/ingestion.ts";
import { lastSealedMonth } from "../../functions/src/domain/month-rollup.ts";
import { readStorePeriods } from "../../functions/src/domain/store-periods.ts";
import { makeJob } from "../../functions/src/jobs/roll-up-months.ts";
import { buildContext } from "../../functions/src/local/api-event.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const STORE = "barcelona-gracia";
const ZONE = "Europe/Madrid";
const DAYS = 130;

let api: TestApi;
let token: string;
let table: { doc: ReturnType<typeof makeDocumentClient>; name: string };
const today = localParts(new Date(), ZONE).date;
const range = { from: addDays(today, -(DAYS - 1)), to: today };
const path = (misuse = false) =>
  `/v1/stores/${STORE}/results?from=${range.from}&to=${range.to}${misuse ? "&includeMisuse=true" : ""}`;

/** A few answers a day over the last DAYS days, each ingested as if it arrived a minute after it was given. */
async function loadHistory(deviceId: string): Promise<number> {
  const base = {
    stores: makeStoreRepository(table),
    devices: makeDeviceRepository(table),
    rules: { get: async () => [] },
    writer: makeAnswerWriter(table),
  };
  const device = { role: "device" as const, sub: deviceId, storeId: STORE };
  let stored = 0;
  for (let i = 0; i < DAYS; i++) {
    const day = Date.now() - i * 86_400_000 - 3_600_000;
    const answers = Array.from({ length: 1 + (i % 4) }, (_, k) => ({
      id: randomUUID(),
      at: new Date(day - k * 600_000 - (i % 7) * 3_600_000).toISOString(),
      score: 1 + ((i + k) % 5),
      ...(k === 1 ? { reasons: i % 2 ? ["staff"] : ["price"] } : {}),
      ...(k === 2 ? { comment: "Muy bien" } : {}),
      ...(k === 3 ? { misuse: true } : {}),
      ...(i % 9 === 0 && k === 0
        ? { optIn: { email: "a@b.es", consent: { version: "v1", granted: true as const } } }
        : {}),
    }));
    const out = await ingestResponses(
      { ...base, clock: { now: () => new Date(day + 60_000) } },
      device,
      answers.sort((a, b) => a.at.localeCompare(b.at)),
    );
    stored += out.filter((r) => r.status === "stored").length;
  }
  return stored;
}

beforeAll(async () => {
  api = await startApi();
  table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }), name: api.tableName };
  token = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  const deviceToken = await api.pairDevice(STORE);
  const deviceId = JSON.parse(Buffer.from(deviceToken.split(".")[1]!, "base64url").toString()).sub;
  expect(await loadHistory(deviceId)).toBeGreaterThan(DAYS);
});
afterAll(() => api.stop());

/** The job on this file's table, wired as its module wires the real one. */
const rollUpMonths = (...args: Parameters<ReturnType<typeof makeJob>>) =>
  makeJob({ stores: makeStoreRepository(table), results: makeResultsRepository(table), clock: systemClock })(...args);
const runJob = () => rollUpMonths({}, buildContext("roll-up-months", 60_000));

describe("month roll-ups", () => {
  it("give the same results as the day items, with and without misuse", async () => {
    const before = await api.request<StoreResults>("GET", path(), { token });
    const beforeMisuse = await api.request<StoreResults>("GET", path(true), { token });
    expect(before.status).toBe(200);
    expect(before.json.total).toBeGreaterThan(DAYS);
    expect(before.json.misuse).toBeGreaterThan(0);
    expect(before.json.reasons.length).toBeGreaterThan(0);

    const run = await runJob();

    expect(run.months).toBeGreaterThanOrEqual(2);
    const periods = await readStorePeriods(makeResultsRepository(table), STORE, range, today);
    expect(periods.months.length).toBeGreaterThanOrEqual(2);
    expect((await api.request("GET", path(), { token })).json).toEqual(before.json);
    expect((await api.request("GET", path(true), { token })).json).toEqual(beforeMisuse.json);
  });

  it("are written for every sealed month from the first day with data, never for an open one, and once", async () => {
    await runJob();
    const repo = makeResultsRepository(table);

    const months = (await repo.rolledUpMonths(STORE)).sort();
    const first = (await repo.firstDay(STORE))!.slice(0, 7);
    expect(months).toEqual(monthsBetween(`${first}-01`, `${lastSealedMonth(today)}-01`));
    expect(months).not.toContain(today.slice(0, 7));
    expect((await runJob()).months).toBe(0);
  });

  it("stop when the run is out of time and go on at the next one", async () => {
    const out = await rollUpMonths({}, buildContext("roll-up-months", 1_000));

    expect(out).toEqual({ months: 0, finished: false });
  });
});
