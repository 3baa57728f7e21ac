/**
 * Surprise gifts through the API on DynamoDB Local (issue 5): rules and their validation, and wins decided
 * at ingestion under concurrency: daily budget, stock, duplicates, every-Nth, holdout and misuse; only the
 * answer whose shopper is at the screen may win (issue 11). The handlers run on a clock set to noon in
 * Madrid, so no batch ever spans the store's midnight, whatever the hour the suite runs at.
 */
import { createHash, randomUUID } from "node:crypto";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDynamoClient } from "../../functions/src/local/ensure-table.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const MADRID = "madrid-centro";
const GRACIA = "barcelona-gracia";
const ANSWER_GAP_MS = 6_000; // more than the stores' 5 s misuse interval
/** Noon in Madrid (10:00 UTC in summer time) on a fixed day: the handlers' clock starts here. */
const CLOCK_AT = "2026-06-17T10:00:00Z";

type Result = { id: string; status: "stored" | "duplicate" | "rejected"; surprise?: { code: string } };
type Answer = { id: string; at: string; score: number } & Record<string, unknown>;

let api: TestApi;
let db: DynamoDBDocumentClient;
let admin: string;
let marketing: string;
let staff: string;

beforeAll(async () => {
  api = await startApi({ clockAt: CLOCK_AT });
  db = DynamoDBDocumentClient.from(localDynamoClient(api.dynamoEndpoint));
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  staff = await api.staffLogin(MADRID, "2468");
});
afterAll(async () => {
  db?.destroy();
  await api?.stop();
});

/** A rule every happy answer in Madrid wins, unless `over` says otherwise. */
function rule(id: string, over: Partial<SurpriseRule> = {}): SurpriseRule {
  const who = { enabled: true, stores: [MADRID], minScore: 4, maxScore: 5, requireOptIn: false, requireMember: false };
  const odds = { probability: 1, dailyBudget: 100_000, holdoutPercent: 0 };
  return { id, name: `Rule ${id}`, ...who, ...odds, gift: { name: { es: "Una taza", en: "A mug" } }, ...over };
}

async function useRules(...rules: SurpriseRule[]): Promise<void> {
  const res = await api.request("PUT", "/v1/surprise-rules", { token: marketing, body: { rules } });
  expect(res.status, res.text).toBe(200);
}

/**
 * A newly paired kiosk; its answers are ANSWER_GAP_MS apart, newest first, so none is a burst. `send` says the
 * shopper of `present` (by default the batch's only answer) is at the screen, as the kiosk does on its
 * thank-you; `backlog` sends answers synced later, whose shoppers are gone.
 */
async function kiosk(storeId = MADRID) {
  const token = await api.pairDevice(storeId);
  const start = api.now().getTime();
  let n = 0;
  const post = async (body: Record<string, unknown>): Promise<Result[]> => {
    const res = await api.request("POST", "/v1/responses", { token, body });
    expect(res.status, res.text).toBe(200);
    return res.json.results;
  };
  return {
    token,
    answer: (score = 5, extra: Record<string, unknown> = {}): Answer => {
      return { id: randomUUID(), at: new Date(start - ANSWER_GAP_MS * n++).toISOString(), score, ...extra };
    },
    send: (responses: Answer[], present = responses.length === 1 ? responses[0]!.id : undefined) =>
      post({ responses, ...(present ? { present } : {}) }),
    backlog: (responses: Answer[]) => post({ responses }),
  };
}

const surprises = (results: Result[]) => results.filter((r) => r.surprise);
const ten = <T>(make: () => T): T[] => Array.from({ length: 10 }, make);

/** The store-local date in Europe/Madrid, computed here rather than by the code under test. */
function madridToday(now = api.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid", dateStyle: "short" }).format(now);
}

async function pendingGifts(storeId: string, ruleId: string) {
  const res = await api.request("GET", `/v1/stores/${storeId}/gifts?status=pending`, { token: staff });
  expect(res.status, res.text).toBe(200);
  return (res.json.gifts as Array<{ code: string; ruleId?: string }>).filter((g) => g.ruleId === ruleId);
}

async function budgetUsed(storeId: string, ruleId: string): Promise<number | undefined> {
  const key = { pk: `STORE#${storeId}`, sk: `BUDGET#${ruleId}#${madridToday()}` };
  const out = await db.send(new GetCommand({ TableName: api.tableName, Key: key, ConsistentRead: true }));
  return out.Item?.used;
}

describe("surprise rules", () => {
  it("are replaced by marketing and by admin and read back as sent", async () => {
    const byMarketing = [rule("coffee"), rule("nth", { probability: undefined, everyNth: 10 })];
    const byAdmin = [rule("tote", { stores: "all", holdoutPercent: 10 })];

    const put1 = await api.request("PUT", "/v1/surprise-rules", { token: marketing, body: { rules: byMarketing } });
    const get1 = await api.request("GET", "/v1/surprise-rules", { token: admin });
    const put2 = await api.request("PUT", "/v1/surprise-rules", { token: admin, body: { rules: byAdmin } });
    const get2 = await api.request("GET", "/v1/surprise-rules", { token: marketing });

    expect([put1.status, get1.status, put2.status, get2.status]).toEqual([200, 200, 200, 200]);
    expect(get1.json.rules).toEqual(JSON.parse(JSON.stringify(byMarketing)));
    expect(get2.json.rules).toEqual(byAdmin);
  });

  it("are out of reach of staff and device tokens", async () => {
    const device = (await kiosk()).token;

    const statuses = [];
    for (const token of [staff, device]) {
      statuses.push((await api.request("GET", "/v1/surprise-rules", { token })).status);
      statuses.push((await api.request("PUT", "/v1/surprise-rules", { token, body: { rules: [] } })).status);
    }

    expect(statuses).toEqual([403, 403, 403, 403]);
  });

  it.each([
    ["a probability of 2", [rule("bad", { probability: 2 })]],
    ["both probability and everyNth", [rule("bad", { everyNth: 3 })]],
    ["minScore above maxScore", [rule("bad", { minScore: 5, maxScore: 4 })]],
    ["a duplicate id", [rule("twin"), rule("twin")]],
    ["an unknown field", [{ ...rule("bad"), colour: "red" }]],
    ["a holdout of 60 %", [rule("bad", { holdoutPercent: 60 })]],
  ])("refuses a list with %s as a whole and keeps the previous rules", async (_what, bad) => {
    const previous = [rule("kept")];
    await useRules(...previous);

    const res = await api.request("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [rule("ok"), ...bad] } });
    const after = await api.request("GET", "/v1/surprise-rules", { token: admin });

    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: "invalid_request", message: expect.any(String), details: expect.any(Array) },
    });
    expect(res.json.error.details.length).toBeGreaterThan(0);
    expect(after.json.rules).toEqual(previous);
  });
});

describe("winning at ingestion", () => {
  type Kiosk = Awaited<ReturnType<typeof kiosk>>;
  it.each([
    {
      how: "50 concurrent single-answer posts",
      ruleId: "budget-single",
      send: (k: Kiosk) => ten(() => k.send([k.answer()])),
    },
    {
      how: "5 concurrent batches of 10, each with its shopper at the screen",
      ruleId: "budget-batch",
      send: (k: Kiosk) => {
        const batch = ten(() => k.answer());
        return [k.send(batch, batch[0]!.id)];
      },
    },
  ])(
    "gives exactly the daily budget of 3 wins to $how",
    async ({ ruleId, send }) => {
      await useRules(rule(ruleId, { dailyBudget: 3 }));
      const kiosks = await Promise.all([1, 2, 3, 4, 5].map(() => kiosk()));

      const results = (await Promise.all(kiosks.flatMap(send))).flat();

      expect(results.filter((r) => r.status === "stored")).toHaveLength(50);
      const won = surprises(results).map((r) => r.surprise!.code);
      expect(won).toHaveLength(3);
      const pending = await pendingGifts(MADRID, ruleId);
      expect(pending.map((g) => g.code).sort()).toEqual([...won].sort());
      expect(await budgetUsed(MADRID, ruleId)).toBe(3);
    },
    120_000,
  );

  it("lets the same answer delivered five times at once win at most once", async () => {
    await useRules(rule("dup"));
    const k = await kiosk();
    const same = k.answer(5);

    const results = (await Promise.all([1, 2, 3, 4, 5].map(() => k.send([same])))).flat();

    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "stored"]);
    // A duplicate may repeat the winner's code (a lost reply must not lose the gift), never win a second one.
    expect(new Set(surprises(results).map((r) => r.surprise!.code)).size).toBeLessThanOrEqual(1);
    expect(await pendingGifts(MADRID, "dup")).toHaveLength(1);
    expect(await budgetUsed(MADRID, "dup")).toBe(1);
  });

  it("never gives away more than the stock: 2 mugs, 10 concurrent answers, 2 wins and 2 reserved", async () => {
    const stock = { items: [{ item: "mug", name: "Taza", quantity: 2, lowAt: 0 }] };
    expect((await api.request("PUT", `/v1/stores/${MADRID}/stock`, { token: staff, body: stock })).status).toBe(200);
    await useRules(rule("mug", { gift: { name: { es: "Una taza", en: "A mug" }, stockItem: "mug" } }));
    const k = await kiosk();

    const results = (await Promise.all(ten(() => k.send([k.answer(5)])))).flat();

    expect(results.filter((r) => r.status === "stored")).toHaveLength(10);
    expect(surprises(results)).toHaveLength(2);
    const items = (await api.request("GET", `/v1/stores/${MADRID}/stock`, { token: staff })).json.items;
    expect(items.find((i: { item: string }) => i.item === "mug")).toMatchObject({ quantity: 2, reserved: 2 });
  });

  it("with everyNth 4 lets the 4th, 8th and 12th of 12 sequential answers win", async () => {
    await useRules(rule("every-4th", { probability: undefined, everyNth: 4 }));
    const k = await kiosk();

    const won: number[] = [];
    for (let n = 1; n <= 12; n++) if (surprises(await k.send([k.answer(5)])).length > 0) won.push(n);

    expect(won).toEqual([4, 8, 12]);
  });

  it("with everyNth 4 gives exactly 10 wins to 40 answers sent at once by 5 kiosks, and counts all 40", async () => {
    await useRules(rule("every-4th-busy", { probability: undefined, everyNth: 4 }));
    const kiosks = await Promise.all([1, 2, 3, 4, 5].map(() => kiosk()));

    const results = (
      await Promise.all(kiosks.flatMap((k) => Array.from({ length: 8 }, () => k.send([k.answer(5)]))))
    ).flat();

    expect(results.filter((r) => r.status === "stored")).toHaveLength(40);
    expect(surprises(results)).toHaveLength(10);
    const key = { pk: `STORE#${MADRID}`, sk: "NTH#every-4th-busy" };
    const counter = await db.send(new GetCommand({ TableName: api.tableName, Key: key, ConsistentRead: true }));
    expect(counter.Item?.count).toBe(40);
  }, 120_000);

  it("lets no answer win whose shopper is not at the screen: a backlog synced later, or a flow that timed out", async () => {
    await useRules(rule("at-screen"));
    const k = await kiosk();
    const backlog = ten(() => k.answer(5));
    const [live, gone] = [k.answer(5), k.answer(5)];

    const synced = await k.backlog(backlog);
    const batch = await k.send([gone, live], live.id);

    expect([...synced, ...batch].map((r) => r.status)).toEqual(Array(12).fill("stored"));
    expect(surprises(synced)).toEqual([]);
    expect(batch.map((r) => Boolean(r.surprise))).toEqual([false, true]);
    const stored = await storedResponses([...backlog, gone].map((a) => a.id));
    expect([...stored.values()].map((a) => a.surprise)).toEqual(
      // `revision`: the rule's fingerprint the effect report groups exposures by (domain/effects.ts).
      Array(11).fill({ ruleId: "at-screen", revision: expect.any(String), group: "treatment", outcome: "absent" }),
    );
  });

  it("never lets an answer flagged as misuse win, by the kiosk or by the server's burst check", async () => {
    await useRules(rule("misuse"));
    const k = await kiosk();
    const first = k.answer(5);
    const burst = k.answer(5, { at: new Date(Date.parse(first.at) + 1_000).toISOString() });
    const flagged = k.answer(5, { misuse: true });

    // Each sent alone, with its shopper at the screen: misuse loses all the same.
    const results = [...(await k.send([first])), ...(await k.send([burst])), ...(await k.send([flagged]))];

    expect(results.map((r) => r.status)).toEqual(["stored", "stored", "stored"]);
    expect(results.map((r) => Boolean(r.surprise))).toEqual([true, false, false]);
  });

  it("records each answer's group as a function of its id alone, so the decision can be audited", async () => {
    await useRules(rule("audit", { holdoutPercent: 50 }));
    const k = await kiosk();
    const answers = Array.from({ length: 40 }, () => k.answer(5));

    const results = [...(await k.backlog(answers.slice(1))), ...(await k.send([answers[0]!]))];

    const stored = await storedResponses(answers.map((a) => a.id));
    for (const a of answers) expect(stored.get(a.id)?.surprise?.group).toBe(expectedGroup(a.id, 50));
    const live = results.at(-1)!;
    expect(Boolean(live.surprise)).toBe(expectedGroup(live.id, 50) === "treatment");
  });

  it("holds out 15–25 % of 2,000 answers at 20 % holdout, counts them all, and no held-out answer wins", async () => {
    await useRules(rule("holdout", { stores: [GRACIA], holdoutPercent: 20 }));
    const kiosks = await Promise.all(Array.from({ length: 20 }, () => kiosk(GRACIA)));
    const batches = kiosks.map((k) => Array.from({ length: 100 }, () => k.answer(5)));

    // One batch after another: on DynamoDB Local concurrent batches only queue on the day aggregate (slower).
    // Each batch's newest answer is its shopper's, at the screen; the other 99 are a backlog.
    const results: Result[] = [];
    for (const [i, k] of kiosks.entries()) results.push(...(await k.send(batches[i]!, batches[i]![0]!.id)));

    expect(results.filter((r) => r.status === "stored")).toHaveLength(2000);
    const ids = batches.flat().map((a) => a.id);
    const heldOut = ids.filter((id) => expectedGroup(id, 20) === "holdout").length;
    const { holdout } = (await api.request("GET", `/v1/stores/${GRACIA}/results`, { token: marketing })).json;
    expect(holdout).toEqual({ holdout: heldOut, treatment: 2000 - heldOut });
    expect(heldOut / 2000).toBeGreaterThanOrEqual(0.15);
    expect(heldOut / 2000).toBeLessThanOrEqual(0.25);
    const present = new Set(batches.map((b) => b[0]!.id));
    const winners = surprises(results).map((r) => r.id);
    expect(winners).toEqual(ids.filter((id) => present.has(id) && expectedGroup(id, 20) === "treatment"));
  }, 180_000);
});

/**
 * The holdout group of an answer, computed here as the rule is written in docs/api.md ("a hash of the answer
 * id below holdoutPercent"): the first 4 bytes of SHA-256("holdout:<id>") as a fraction of 2^32.
 */
function expectedGroup(id: string, percent: number): "holdout" | "treatment" {
  const fraction = createHash("sha256").update(`holdout:${id}`).digest().readUInt32BE(0) / 2 ** 32;
  return fraction * 100 < percent ? "holdout" : "treatment";
}

type StoredResponse = { id: string; surprise?: { ruleId?: string; group: string; outcome?: string } };

/** The stored answers, read straight from the table, by id. */
async function storedResponses(ids: string[]): Promise<Map<string, StoredResponse>> {
  const out = new Map<string, StoredResponse>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys = ids.slice(i, i + 100).map((id) => ({ pk: `RESPONSE#${id}`, sk: "RESPONSE" }));
    while (keys.length > 0) {
      const res = await db.send(new BatchGetCommand({ RequestItems: { [api.tableName]: { Keys: keys } } }));
      for (const item of res.Responses?.[api.tableName] ?? []) out.set(item.id, item as StoredResponse);
      keys = (res.UnprocessedKeys?.[api.tableName]?.Keys ?? []) as typeof keys;
    }
  }
  return out;
}
