/** The first slice end to end: sign-in, pairing, one tap counted once, and bad input that changes nothing. */
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

const answer = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  score: 4,
  ...over,
});
const totalOf = async (storeId: string) =>
  (await api.request("GET", `/v1/stores/${storeId}/results`, { token: admin })).json.total as number;

describe("health and sign-in", () => {
  it("answers ok when the table answers", async () => {
    const res = await api.request("GET", "/v1/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true });
  });

  it("signs in the demo admin and marketing users with their roles", async () => {
    const a = await api.request("POST", "/v1/auth/login", { body: DEMO_ADMIN });
    const m = await api.request("POST", "/v1/auth/login", {
      body: { email: "marketing@sonrisa.local", password: "sonrisa-marketing" },
    });
    expect([a.json.role, m.json.role]).toEqual(["admin", "marketing"]);
    expect(Date.parse(a.json.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("refuses a wrong password with 401 and the error shape", async () => {
    const res = await api.request("POST", "/v1/auth/login", { body: { ...DEMO_ADMIN, password: "nope" } });
    expect(res.status).toBe(401);
    expect(res.json.error).toMatchObject({ code: "unauthorized", message: expect.any(String) });
  });

  it("signs staff in with the store's PIN, scoped to that store", async () => {
    const res = await api.request("POST", "/v1/auth/staff", { body: { storeId: "madrid-centro", pin: "2468" } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ role: "staff", storeId: "madrid-centro" });
  });
});

describe("pairing and the first counted tap", () => {
  it("pairs a kiosk, counts one answer once, and a retry of it still once", async () => {
    const created = await api.request("POST", "/v1/stores/mexico-roma/pairing-codes", { token: admin });
    expect(created.status).toBe(201);
    const paired = await api.request("POST", "/v1/devices/pair", { body: { code: created.json.code } });
    expect(paired.json.storeId).toBe("mexico-roma");
    const device = paired.json.deviceToken as string;

    const config = await api.request("GET", "/v1/kiosk/config", { token: device });
    expect(config.json).toMatchObject({ storeId: "mexico-roma", scale: 5, timeZone: "America/Mexico_City" });
    expect(config.json.staffPinHash).toBeUndefined();

    const one = answer();
    const first = await api.request("POST", "/v1/responses", { token: device, body: { responses: [one] } });
    const again = await api.request("POST", "/v1/responses", { token: device, body: { responses: [one] } });
    expect(first.json.results[0]).toMatchObject({ id: one.id, status: "stored" });
    expect(again.json.results[0]).toMatchObject({ id: one.id, status: "duplicate" });
    expect(await totalOf("mexico-roma")).toBe(1);
  });

  it("refuses a used pairing code with 409 pairing_code_used and an unknown one with 404", async () => {
    const created = await api.request("POST", "/v1/stores/madrid-centro/pairing-codes", { token: admin });
    const first = await api.request("POST", "/v1/devices/pair", { body: { code: created.json.code } });
    const reuse = await api.request("POST", "/v1/devices/pair", { body: { code: created.json.code } });
    const unknown = await api.request("POST", "/v1/devices/pair", { body: { code: "ABCDEFGH" } });
    expect(first.status).toBe(200);
    expect(reuse.status).toBe(409);
    expect(reuse.json.error.code).toBe("pairing_code_used");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
  });

  it("pairs one of two kiosks racing for one code and answers the other 409 pairing_code_used", async () => {
    const codes = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const created = await api.request("POST", "/v1/stores/madrid-centro/pairing-codes", { token: admin });
        return created.json.code as string;
      }),
    );

    // Ten codes, each typed on two kiosks at the same moment: the code is peeked, then consumed in a transaction.
    // Each race from its own address: ten losers from one address would reach the pairing guess limit (429).
    const races = await Promise.all(
      codes.map((code, i) =>
        Promise.all(
          [1, 2].map(() => api.request("POST", "/v1/devices/pair", { body: { code }, from: `127.0.0.${20 + i}` })),
        ),
      ),
    );

    for (const pair of races) {
      const statuses = pair.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = pair.find((r) => r.status !== 200)!;
      expect(loser.json.error.code).toBe("pairing_code_used");
    }
    expect(races.filter((pair) => pair.some((r) => r.status === 409)).length).toBeGreaterThan(0);
  });

  it("only lets an admin create pairing codes", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const res = await api.request("POST", "/v1/stores/madrid-centro/pairing-codes", { token: marketing });
    expect(res.status).toBe(403);
  });
});

describe("the store list", () => {
  it("lists every store's settings to admin and marketing, never a PIN hash, and not to staff", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const staff = await api.staffLogin("madrid-centro", "2468");

    const byAdmin = await api.request("GET", "/v1/stores", { token: admin });
    const byMarketing = await api.request("GET", "/v1/stores", { token: marketing });
    const byStaff = await api.request("GET", "/v1/stores", { token: staff });

    expect([byAdmin.status, byMarketing.status, byStaff.status]).toEqual([200, 200, 403]);
    expect(byAdmin.json.stores.map((s: { storeId: string }) => s.storeId)).toEqual([
      "barcelona-gracia",
      "madrid-centro",
      "mexico-roma",
    ]);
    expect(byAdmin.json.stores[1]).toMatchObject({
      name: "Muebles Sonrisa · Madrid Centro",
      timeZone: "Europe/Madrid",
    });
    expect(byAdmin.text).not.toMatch(/staffPinHash|scrypt|PROFILE|"pk"/);
    expect(byMarketing.json).toEqual(byAdmin.json);
  });
});

describe("tokens are scoped", () => {
  it("refuses a missing or forged token with 401", async () => {
    const device = await api.pairDevice("madrid-centro");
    const [head, payload] = device.split(".");
    const forged = `${head}.${payload}.${"A".repeat(43)}`;
    const none = await api.request("POST", "/v1/responses", { body: { responses: [answer()] } });
    const bad = await api.request("POST", "/v1/responses", { token: forged, body: { responses: [answer()] } });
    expect([none.status, bad.status]).toEqual([401, 401]);
  });

  it("keeps staff and devices to their own store", async () => {
    const staff = await api.staffLogin("madrid-centro", "2468");
    const device = await api.pairDevice("madrid-centro");
    const own = await api.request("GET", "/v1/stores/madrid-centro/results", { token: staff });
    const other = await api.request("GET", "/v1/stores/barcelona-gracia/results", { token: staff });
    const deviceResults = await api.request("GET", "/v1/stores/madrid-centro/results", { token: device });
    const staffAll = await api.request("GET", "/v1/results", { token: staff });
    expect([own.status, other.status, deviceResults.status, staffAll.status]).toEqual([200, 403, 403, 403]);
  });
});

describe("bad input gets a 4xx and writes nothing", () => {
  it.each([
    ["malformed JSON", { rawBody: "{not json", headers: { "content-type": "application/json" } }, 400],
    ["a JSON string", { body: "hello" }, 400],
    ["unknown top-level fields", { body: { responses: [answer()], extra: true } }, 400],
    ["no answers", { body: { responses: [] } }, 400],
    ["101 answers", { body: { responses: Array.from({ length: 101 }, () => answer()) } }, 400],
    ["a body over 256 KB", { body: { responses: [answer({ comment: "x".repeat(300_000) })] } }, 413],
    ["a wrong content type", { rawBody: "responses", headers: { "content-type": "text/plain" } }, 415],
  ])("%s", async (_name, opts, status) => {
    const device = await api.pairDevice("barcelona-gracia");
    const before = await totalOf("barcelona-gracia");
    const res = await api.request("POST", "/v1/responses", { token: device, ...opts });
    expect(res.status).toBe(status);
    expect(res.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(await totalOf("barcelona-gracia")).toBe(before);
  });

  it("rejects unknown fields and wrong types on sign-in with 400 and zod details", async () => {
    const extra = await api.request("POST", "/v1/auth/login", { body: { ...DEMO_ADMIN, admin: true } });
    const wrong = await api.request("POST", "/v1/auth/staff", { body: { storeId: "madrid-centro", pin: 2468 } });
    expect([extra.status, wrong.status]).toEqual([400, 400]);
    expect(extra.json.error.details.length).toBeGreaterThan(0);
  });
});
