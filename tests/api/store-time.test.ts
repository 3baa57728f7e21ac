/** Store-local days and hours across a daylight-saving change, through the real ingestion path on DynamoDB Local. */
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
  api = await startApi();
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
});
