/**
 * The all-store ranking (issue 10, item 8): a store without answers in the period has no rank and is listed
 * after every store with answers, even after stores whose answers are all unhappy (a Wilson bound of 0).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
});
afterAll(() => api.stop());

describe("the ranking", () => {
  it("lists stores without answers after every store with answers, unranked", async () => {
    const device = await api.pairDevice("mexico-roma");
    const responses = [1, 2].map((score, i) => ({
      id: randomUUID(),
      at: new Date(Date.now() - (i + 1) * 10_000).toISOString(),
      score,
    }));
    await api.request("POST", "/v1/responses", { token: device, body: { responses } });

    const res = await api.request("GET", "/v1/results", { token: admin });
    expect(res.json.stores.map((s: { storeId: string; rank: number | null }) => [s.storeId, s.rank])).toEqual([
      ["mexico-roma", 1],
      ["barcelona-gracia", null],
      ["madrid-centro", null],
    ]);
  });
});
