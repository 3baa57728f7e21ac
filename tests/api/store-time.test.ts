/**
 * Store-local days and hours across a daylight-saving change, through the real ingestion path on DynamoDB
 * Local, and each store's own "today". The handlers run on a clock at 03:00 UTC on 17 June 2026, when it is
 * already 05:00 on the 17th in Madrid and still 21:00 on the 16th in Mexico City.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAnswerWriter } from "../../functions/src/adapters/dynamo/answer-writer.ts";
import { makeDocumentClient } from "../../functions/src/adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../../functions/src/adapters/dynamo/device-repository.ts";
import { makeResultsRepository } from "../../functions/src/adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../../functions/src/adapters/dynamo/store-repository.ts";
import { ingestResponses } from "../../functions/src/domain/ingestion.ts";
import { storeResults } from "../../functions/src/domain/results.ts";
import { startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let deviceId: string;

beforeAll(async () => {
  api = await startApi({ clockAt: "2026-06-17T03:00:00Z" });
  const token = await api.pairDevice("madrid-centro");
  deviceId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sub;
});
afterAll(() => api.stop());

function deps(now: string) {
  const table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }), name: api.tableName };
  return {
    stores: makeStoreRepository(table),
    devices: makeDeviceRepository(table),
    rules: { get: async () => [] },
    writer: makeAnswerWriter(table),
    clock: { now: () => new Date(now) },
    results: makeResultsRepository(table),
  };
}

describe("store-local time", () => {
  it("puts 23:30 on the last Sunday of March in Madrid on that Sunday, hour 23, weekday Sunday", async () => {
    // 29 March 2026: Madrid moves from UTC+1 to UTC+2 at 02:00; 23:30 local is 21:30 UTC.
    const d = deps("2026-03-30T08:00:00Z");
    const device = { role: "device" as const, sub: deviceId, storeId: "madrid-centro" };
    const late = { id: randomUUID(), at: "2026-03-29T23:30:00+02:00", score: 5 };
    const early = { id: randomUUID(), at: "2026-03-29T00:30:00Z", score: 1 };

    const out = await ingestResponses(d, device, [late, early]);

    expect(out.map((r) => r.status)).toEqual(["stored", "stored"]);
    const store = (await d.stores.get("madrid-centro"))!;
    const days = await d.results.storeDays("madrid-centro", "2026-03-28", "2026-03-30");
    const r = storeResults(store, { days, months: [] }, { from: "2026-03-28", to: "2026-03-30" });
    expect(r.daily.map((x) => x.total)).toEqual([0, 2, 0]);
    expect(r.heatmap[6]![23]).toEqual({ total: 1, positive: 1 });
    expect(r.heatmap[6]![1]).toEqual({ total: 1, positive: 0 });
  });

  it("keeps 00:30 of a Monday in Mexico City on Monday even though it is already 06:30 UTC", async () => {
    const d = deps("2026-06-01T07:00:00Z");
    const token = await api.pairDevice("mexico-roma");
    const sub = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).sub;
    const device = { role: "device" as const, sub, storeId: "mexico-roma" };

    await ingestResponses(d, device, [{ id: randomUUID(), at: "2026-06-01T06:30:00Z", score: 4 }]);

    const store = (await d.stores.get("mexico-roma"))!;
    const days = await d.results.storeDays("mexico-roma", "2026-05-31", "2026-06-01");
    const r = storeResults(store, { days, months: [] }, { from: "2026-05-31", to: "2026-06-01" });
    expect(r.daily.map((x) => x.total)).toEqual([0, 1]);
    expect(r.heatmap[0]![0]!.total).toBe(1);
  });

  it("ranks all stores without dates over each store's own last 30 days, not UTC's", async () => {
    const admin = await api.login("admin@sonrisa.local", "sonrisa-admin");
    const mexico = await api.pairDevice("mexico-roma");
    const madrid = await api.pairDevice("madrid-centro");
    // Mexico City's 30 days end on the 16th, so they start on 18 May; UTC's would start on the 19th.
    const firstDay = { id: randomUUID(), at: "2026-05-18T12:00:00-06:00", score: 5 };
    const madridToday = { id: randomUUID(), at: "2026-06-17T04:30:00+02:00", score: 4 };
    await api.request("POST", "/v1/responses", { token: mexico, body: { responses: [firstDay] } });
    await api.request("POST", "/v1/responses", { token: madrid, body: { responses: [madridToday] } });

    const all = await api.request("GET", "/v1/results", { token: admin });

    const row = (id: string) => all.json.stores.find((s: { storeId: string }) => s.storeId === id);
    expect(row("mexico-roma")).toMatchObject({ from: "2026-05-18", to: "2026-06-16" });
    expect(row("madrid-centro")).toMatchObject({ from: "2026-05-19", to: "2026-06-17" });
    // The 18 May answer, and the 31 May one of the test above (06:30 UTC on 1 June).
    expect(row("mexico-roma").total).toBe(2);
    expect(row("madrid-centro").total).toBe(1);
    expect([all.json.from, all.json.to]).toEqual(["2026-05-18", "2026-06-17"]);
  });
});
