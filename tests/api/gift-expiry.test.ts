/**
 * The expire-gifts job on DynamoDB Local (issue 11): pending gifts whose local day has ended expire and give
 * back their reserved stock; the job works through the stores a page at a time, stops when its time runs
 * out and the next run resumes where it stopped; an expired gift's hand-over is refused. The handlers run
 * on a clock at noon in Madrid; the job runs as if it were the next morning.
 */
import { randomUUID } from "node:crypto";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocumentClient, type Table } from "../../functions/src/adapters/dynamo/client.ts";
import { makeGiftRepository } from "../../functions/src/adapters/dynamo/gift-repository.ts";
import { makeJobStateRepository } from "../../functions/src/adapters/dynamo/job-state-repository.ts";
import { makeStoreRepository } from "../../functions/src/adapters/dynamo/store-repository.ts";
import { makeJob } from "../../functions/src/jobs/expire-gifts.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const CLOCK_AT = "2026-06-17T10:00:00Z"; // noon in Madrid
const NEXT_MORNING = new Date("2026-06-18T06:00:00Z"); // 08:00 in Madrid, the gifts' day over
const STORES = Array.from({ length: 12 }, (_, i) => `expiry-${String(i + 1).padStart(2, "0")}`);

let api: TestApi;
let table: Table;
let admin: string;

const rule: SurpriseRule = {
  id: "always-mug",
  name: "Always a mug",
  enabled: true,
  stores: "all",
  minScore: 1,
  maxScore: 5,
  requireOptIn: false,
  requireMember: false,
  probability: 1,
  dailyBudget: 100_000,
  holdoutPercent: 0,
  gift: { name: { es: "Una taza", en: "A mug" }, stockItem: "mug" },
};

beforeAll(async () => {
  api = await startApi({ clockAt: CLOCK_AT });
  table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }), name: api.tableName };
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  const stores = makeStoreRepository(table);
  const madrid = (await stores.get("madrid-centro"))!;
  for (const storeId of STORES) await stores.put({ ...madrid, storeId, name: `Tienda ${storeId}` });
  expect((await api.request("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [rule] } })).status).toBe(200);
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

/** Puts `quantity` mugs in the store's stock, then lets `wins` shoppers at the screen win one each. */
async function winMugs(storeId: string, wins: number, quantity = wins + 5): Promise<string[]> {
  const body = { items: [{ item: "mug", name: "Taza", quantity, lowAt: 0 }] };
  expect((await api.request("PUT", `/v1/stores/${storeId}/stock`, { token: admin, body })).status).toBe(200);
  const device = await api.pairDevice(storeId);
  const start = api.now().getTime();
  const codes: string[] = [];
  for (let i = 0; i < wins; i++) {
    const answer = { id: randomUUID(), at: new Date(start - i * 6_000).toISOString(), score: 5 };
    const res = await api.request("POST", "/v1/responses", {
      token: device,
      body: { responses: [answer], present: answer.id },
    });
    codes.push(res.json.results[0].surprise.code);
  }
  return codes;
}

async function stock(storeId: string) {
  const res = await api.request("GET", `/v1/stores/${storeId}/stock`, { token: admin });
  return res.json.items.find((i: { item: string }) => i.item === "mug");
}

/** The job as its module wires it, on this file's table, with the clock of the next morning. */
const job = makeJob({
  get stores() {
    return makeStoreRepository(table);
  },
  get gifts() {
    return makeGiftRepository(table);
  },
  get jobs() {
    return makeJobStateRepository(table);
  },
  clock: { now: () => NEXT_MORNING },
});

/** A Lambda context with time for `checks` more starts (each store, each page of a store), then none. */
function contextWithTime(checks: number): Context {
  let left = checks;
  return { getRemainingTimeInMillis: () => (left-- > 0 ? 60_000 : 1_000) } as unknown as Context;
}

describe("the expire-gifts job", () => {
  it("stops when its time runs out, after the stores it finished, and the next run does the rest", async () => {
    for (const storeId of STORES) await winMugs(storeId, 1);

    const first = await job({}, contextWithTime(5));
    const afterFirst = await Promise.all(STORES.map(stock));
    const second = await job({}, contextWithTime(1_000));
    const afterSecond = await Promise.all(STORES.map(stock));

    // Stores come by id: barcelona-gracia (nothing pending), expiry-01…12, madrid-centro, mexico-roma.
    expect(first).toEqual({ expired: 4, stores: 5, finished: false });
    expect(afterFirst.map((s) => s.reserved)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(second).toEqual({ expired: 8, stores: 10, finished: true });
    expect(afterSecond.map((s) => s.reserved)).toEqual(Array(12).fill(0));
    expect(afterSecond.map((s) => s.quantity)).toEqual(Array(12).fill(6));
  });

  it("expires a store's pending gifts page by page, and a store left half done is done again first", async () => {
    const storeId = STORES[0]!;
    await winMugs(storeId, 130, 200);
    expect(await stock(storeId)).toMatchObject({ quantity: 200, reserved: 130 });

    // Time to start barcelona-gracia and expiry-01, not for a second page of expiry-01's 130 gifts.
    const stopped = await job({}, contextWithTime(2));
    const middle = await stock(storeId);
    const resumed = await job({}, contextWithTime(1_000));

    expect(stopped).toEqual({ expired: 100, stores: 1, finished: false });
    expect(middle).toMatchObject({ reserved: 30 });
    expect(resumed).toMatchObject({ expired: 30, finished: true });
    expect(await stock(storeId)).toMatchObject({ quantity: 200, reserved: 0 });
  }, 180_000); // 130 wins one by one: slow on a loaded machine

  it("leaves expired gifts off the pending list, and refuses to hand one over with 409 expired", async () => {
    const [code] = await winMugs(STORES[1]!, 1);
    const staff = await api.staffLogin(STORES[1]!, "2468");
    const pending = async () =>
      (await api.request("GET", `/v1/stores/${STORES[1]}/gifts`, { token: staff })).json.gifts.map(
        (g: { code: string }) => g.code,
      );
    expect(await pending()).toContain(code);

    await job({}, contextWithTime(1_000));
    const handOver = await api.request("POST", `/v1/stores/${STORES[1]}/gifts`, {
      token: staff,
      body: { kind: "surprise", code },
    });

    expect(handOver.status).toBe(409);
    expect(handOver.json.error.code).toBe("expired");
    expect(await pending()).not.toContain(code);
    const all = await api.request("GET", `/v1/stores/${STORES[1]}/gifts?status=all`, { token: staff });
    expect(all.json.gifts.find((g: { code: string }) => g.code === code)).toMatchObject({ status: "expired" });
    expect(await stock(STORES[1]!)).toMatchObject({ reserved: 0 });
  });
});
