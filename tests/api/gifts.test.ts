/**
 * The staff side of gifts through the API on DynamoDB Local (issue 5): who may list and hand over gifts,
 * hand-over once, spontaneous gifts and stock, the staff PIN lock-out and today's numbers. The handlers run
 * on a clock at noon in Madrid, so a win never falls on the other side of the store's midnight.
 */
import { randomUUID } from "node:crypto";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const MADRID = "madrid-centro";
const GRACIA = "barcelona-gracia";
const PIN = "2468";

let api: TestApi;
let admin: string;
let marketing: string;
let staff: string;
let otherStaff: string;
let madridKiosk: Kiosk;

beforeAll(async () => {
  api = await startApi({ clockAt: "2026-06-17T10:00:00Z" });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  staff = await api.staffLogin(MADRID, PIN);
  otherStaff = await api.staffLogin(GRACIA, PIN);
  madridKiosk = await kiosk(MADRID);
});
afterAll(async () => {
  await api?.stop();
});
beforeEach(async () => {
  await useRule({});
});

/** Every happy answer in Madrid wins, unless `over` says otherwise. */
async function useRule(over: Partial<SurpriseRule>): Promise<void> {
  const who = { enabled: true, stores: [MADRID], minScore: 4, maxScore: 5, requireOptIn: false, requireMember: false };
  const odds = { probability: 1, dailyBudget: 100_000, holdoutPercent: 0 };
  const gift = { name: { es: "Una taza", en: "A mug" } };
  const rule: SurpriseRule = { id: "always", name: "Always", ...who, ...odds, gift, ...over };
  const res = await api.request("PUT", "/v1/surprise-rules", { token: marketing, body: { rules: [rule] } });
  expect(res.status, res.text).toBe(200);
}

type Kiosk = Awaited<ReturnType<typeof kiosk>>;

/**
 * A paired kiosk whose answers are 6 s apart, newest first, so the server's burst check never flags them.
 * A single answer is sent with its shopper at the screen (it may win), as the kiosk's thank-you does.
 */
async function kiosk(storeId: string) {
  const token = await api.pairDevice(storeId);
  const start = api.now().getTime();
  let n = 0;
  return {
    token,
    async send(...scores: number[]) {
      const at = () => new Date(start - 6_000 * n++).toISOString();
      const responses = scores.map((score) => ({ id: randomUUID(), at: at(), score }));
      const present = responses.length === 1 ? { present: responses[0]!.id } : {};
      const res = await api.request("POST", "/v1/responses", { token, body: { responses, ...present } });
      expect(res.status, res.text).toBe(200);
      return res.json.results as Array<{ id: string; status: string; surprise?: { code: string } }>;
    },
  };
}

/** A surprise won at the Madrid kiosk; its code. */
async function win(): Promise<string> {
  const [result] = await madridKiosk.send(5);
  expect(result?.surprise?.code).toMatch(/^[A-Z2-9]{6}$/);
  return result!.surprise!.code;
}

const surprisesOf = (results: Array<{ surprise?: { code: string } }>) => results.flatMap((r) => r.surprise?.code ?? []);

const giftsPath = (storeId: string, status = "pending") => `/v1/stores/${storeId}/gifts?status=${status}`;

async function gifts(status: string): Promise<Array<Record<string, string>>> {
  const res = await api.request("GET", giftsPath(MADRID, status), { token: staff });
  expect(res.status, res.text).toBe(200);
  return res.json.gifts;
}

const handOver = (code: string, token = staff) =>
  api.request("POST", `/v1/stores/${MADRID}/gifts`, { token, body: { kind: "surprise", code } });

const spontaneous = (body: Record<string, string>) =>
  api.request("POST", `/v1/stores/${MADRID}/gifts`, { token: staff, body: { kind: "spontaneous", ...body } });

async function stockOf(item: string) {
  const res = await api.request("GET", `/v1/stores/${MADRID}/stock`, { token: staff });
  return (res.json.items as Array<{ item: string; quantity: number; reserved: number }>).find((i) => i.item === item);
}

async function putStock(item: string, quantity: number): Promise<void> {
  const body = { items: [{ item, name: item, quantity, lowAt: 0 }] };
  expect((await api.request("PUT", `/v1/stores/${MADRID}/stock`, { token: staff, body })).status).toBe(200);
}

describe("who may see and hand over a store's gifts", () => {
  it("refuses staff of another store both the list and the hand-over (403), and the gift stays pending", async () => {
    const code = await win();

    const list = await api.request("GET", giftsPath(MADRID), { token: otherStaff });
    const hand = await handOver(code, otherStaff);

    expect([list.status, hand.status]).toEqual([403, 403]);
    expect(hand.json.error.code).toBe("forbidden");
    expect((await gifts("pending")).map((g) => g.code)).toContain(code);
  });

  it("lets admin list gifts but not a device or marketing (403), and no token gets 401", async () => {
    const statuses = await Promise.all(
      [admin, madridKiosk.token, marketing, undefined].map(
        async (token) => (await api.request("GET", giftsPath(MADRID), { token })).status,
      ),
    );

    expect(statuses).toEqual([200, 403, 403, 401]);
  });
});

describe("handing over a surprise", () => {
  it("hands over a won code: 201, gone from pending, listed as handed with who and when", async () => {
    const code = await win();

    const res = await handOver(code);

    expect(res.status, res.text).toBe(201);
    expect((await gifts("pending")).map((g) => g.code)).not.toContain(code);
    const handed = (await gifts("handed")).find((g) => g.code === code);
    expect(handed).toMatchObject({ status: "handed", kind: "surprise", handedBy: `staff:${MADRID}` });
    expect(api.now().getTime() - Date.parse(handed!.handedAt!)).toBeLessThan(60_000);
  });

  it("pages the list by limit and cursor: every pending gift exactly once; a crafted cursor is a 400", async () => {
    for (let i = 0; i < 7; i++) await win();
    const whole = (await gifts("pending")).map((g) => g.code);

    const paged: string[] = [];
    const pages: number[] = [];
    let cursor: string | null | undefined;
    do {
      const path = `${giftsPath(MADRID)}&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await api.request("GET", path, { token: staff });
      expect(res.status, res.text).toBe(200);
      pages.push(res.json.gifts.length);
      paged.push(...res.json.gifts.map((g: { code: string }) => g.code));
      cursor = res.json.cursor;
    } while (cursor);
    const crafted = await api.request("GET", `${giftsPath(MADRID)}&limit=3&cursor=${"A".repeat(40)}`, { token: staff });

    expect(whole.length).toBeGreaterThanOrEqual(7);
    expect(new Set(paged).size).toBe(paged.length);
    expect([...paged].sort()).toEqual([...whole].sort());
    // A page holds at most `limit` gifts (fewer where handed ones were read and left out).
    expect(Math.max(...pages)).toBe(3);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(whole.length / 3));
    expect(crafted.status).toBe(400);
    expect(crafted.json.error.code).toBe("invalid_request");
  });

  it("refuses a second hand-over of the same code with 409 already_handed", async () => {
    const code = await win();
    await handOver(code);

    const again = await handOver(code);

    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_handed");
  });

  it("hands a code over once when two staff confirm it at the same moment", async () => {
    const code = await win();

    const both = await Promise.all([handOver(code), handOver(code)]);

    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it("hands over ten different codes confirmed at the same moment", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push(...surprisesOf(await madridKiosk.send(5)));
    expect(codes).toHaveLength(10);

    const all = await Promise.all(codes.map((code) => handOver(code)));

    expect(all.map((r) => `${r.status} ${r.json.error?.code ?? ""}`)).toEqual(Array(10).fill("201 "));
  });

  it("answers 404 for an unknown code and 400 for a malformed one", async () => {
    const unknown = await handOver("ZZZZZZ");
    const malformed = await handOver("0O1I");

    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("invalid_request");
  });

  it("takes a surprise's stock item off the shelf on hand-over", async () => {
    await putStock("tote", 5);
    await useRule({ gift: { name: { es: "Una bolsa", en: "A tote bag" }, stockItem: "tote" } });
    const code = await win();
    expect(await stockOf("tote")).toMatchObject({ quantity: 5, reserved: 1 });

    expect((await handOver(code)).status).toBe(201);

    expect(await stockOf("tote")).toMatchObject({ quantity: 4, reserved: 0 });
  });

  it("answers 409 out_of_stock, not already_handed, when a won gift's item ran out, and keeps it pending", async () => {
    await putStock("vase", 3);
    await useRule({ gift: { name: { es: "Un jarrón", en: "A vase" }, stockItem: "vase" } });
    const code = await win();
    await putStock("vase", 0);

    const res = await handOver(code);

    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("out_of_stock");
    expect((await gifts("pending")).map((g) => g.code)).toContain(code);
  });
});

describe("spontaneous gifts and stock", () => {
  it("never takes stock below zero: of two gifts of the last item at once, one gets 409 out_of_stock", async () => {
    await putStock("keyring", 1);
    const gift = { gift: "Llavero", stockItem: "keyring", reason: "Compra grande" };

    const both = await Promise.all([spontaneous(gift), spontaneous(gift)]);

    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.json.error.code).toBe("out_of_stock");
    expect(await stockOf("keyring")).toMatchObject({ quantity: 0, reserved: 0 });
  });

  it("registers ten spontaneous gifts without a stock item at the same moment", async () => {
    const gift = { gift: "Caramelos", reason: "Cumpleaños" };

    const all = await Promise.all(Array.from({ length: 10 }, () => spontaneous(gift)));

    expect(all.map((r) => `${r.status} ${r.json.error?.code ?? ""}`)).toEqual(Array(10).fill("201 "));
  });

  it("records a spontaneous gift with its reason and answer, counted today and in results", async () => {
    const [answer] = await madridKiosk.send(5);
    const counts = async () => ({
      today: (await api.request("GET", `/v1/stores/${MADRID}/today`, { token: staff })).json.gifts.spontaneous,
      results: (await api.request("GET", `/v1/stores/${MADRID}/results`, { token: marketing })).json.gifts.spontaneous,
    });
    const before = await counts();

    const res = await spontaneous({ gift: "Cojín", reason: "Cliente habitual", responseId: answer!.id });

    expect(res.status, res.text).toBe(201);
    expect(res.json.gift).toMatchObject({ kind: "spontaneous", reason: "Cliente habitual", responseId: answer!.id });
    expect(await counts()).toEqual({ today: before.today + 1, results: before.results + 1 });
  });
});

describe("staff sign-in", () => {
  it("locks this client's PIN sign-in for a store after five wrong PINs (429 with retry-after), not other stores", async () => {
    const attempt = (storeId: string, pin: string) => api.request("POST", "/v1/auth/staff", { body: { storeId, pin } });

    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push((await attempt("mexico-roma", "1111")).status);
    const locked = await attempt("mexico-roma", PIN);
    const elsewhere = await attempt(GRACIA, PIN);

    expect(wrong).toEqual([401, 401, 401, 401, 401]);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(locked.headers["retry-after"])).toBeLessThanOrEqual(15 * 60);
    expect(elsewhere.status).toBe(200);
  });

  // This locks Madrid's PIN sign-in from this client; the Madrid staff token taken in beforeAll stays valid.
  it("checks at most five of 20 wrong PINs sent at once; the others get 429", async () => {
    const burst = Array.from({ length: 20 }, () =>
      api.request("POST", "/v1/auth/staff", { body: { storeId: MADRID, pin: "1111" } }),
    );

    const statuses = (await Promise.all(burst)).map((r) => r.status);

    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });
});

describe("today's numbers", () => {
  it("count today's answers and their CSAT", async () => {
    const gracia = await kiosk(GRACIA);
    await gracia.send(5, 4, 2);

    const res = await api.request("GET", `/v1/stores/${GRACIA}/today`, { token: otherStaff });

    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ storeId: GRACIA, total: 3, csat: 66.7 });
  });
});
