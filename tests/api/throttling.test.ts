/**
 * Guessing is throttled (issue 11, items 1–3): passwords per account and per client, staff PINs per store
 * and client (a paired kiosk per device) under a per-store ceiling, pairing codes per client. Time moves
 * through the handlers' clock port (`shiftClock`), never by sleeping; clients are other loopback addresses.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
});
afterEach(() => api.shiftClock(0));
afterAll(() => api.stop());

const MINUTE = 60_000;
const login = (email: string, password: string, from: string) =>
  api.request("POST", "/v1/auth/login", { body: { email, password }, from });
const staff = (storeId: string, pin: string, from: string, token?: string) =>
  api.request("POST", "/v1/auth/staff", { body: { storeId, pin }, from, token });
const pair = (code: string, from: string) => api.request("POST", "/v1/devices/pair", { body: { code }, from });
const codeFor = async (storeId: string) =>
  (await api.request("POST", `/v1/stores/${storeId}/pairing-codes`, { token: admin })).json.code as string;
/** A paired kiosk's device token, paired from its own address (the admin's sign-in may be locked by then). */
const kioskOf = async (storeId: string) => (await pair(await codeFor(storeId), "127.0.9.1")).json.deviceToken as string;

describe("password sign-in", () => {
  it("answers 429 after 5 wrong passwords, even to the right one, until the lock passes; a success resets", async () => {
    const from = "127.0.0.11";
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login(DEMO_ADMIN.email, `wrong-${i}`, from)).status);
    const right = await login(DEMO_ADMIN.email, DEMO_ADMIN.password, from);

    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe("too_many_requests");
    const retryAfter = Number(right.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    api.shiftClock(14 * MINUTE);
    expect((await login(DEMO_ADMIN.email, DEMO_ADMIN.password, from)).status).toBe(429);
    api.shiftClock(16 * MINUTE);
    expect((await login(DEMO_ADMIN.email, DEMO_ADMIN.password, from)).status).toBe(200);
    // The success reset the count: five more failures are needed to lock again.
    for (let i = 0; i < 4; i++) expect((await login(DEMO_ADMIN.email, "wrong", from)).status).toBe(401);
    expect((await login(DEMO_ADMIN.email, DEMO_ADMIN.password, from)).status).toBe(200);
  });

  it("locks the account from any address, and the next lock lasts longer", async () => {
    const email = "marketing@sonrisa.local";
    for (let i = 0; i < 5; i++) expect((await login(email, "wrong", `127.0.1.${i + 1}`)).status).toBe(401);
    const elsewhere = await login(email, "sonrisa-marketing", "127.0.1.99");
    expect(elsewhere.status).toBe(429);
    const first = Number(elsewhere.headers["retry-after"]);

    api.shiftClock(16 * MINUTE);
    for (let i = 0; i < 5; i++) expect((await login(email, "wrong", `127.0.2.${i + 1}`)).status).toBe(401);
    const second = Number((await login(email, "sonrisa-marketing", "127.0.2.99")).headers["retry-after"]);

    expect(second).toBeGreaterThan(first);
    expect(second).toBeGreaterThan(29 * 60);
  });

  it("locks one address that guesses across many accounts, and only that address", async () => {
    const from = "127.0.4.1";
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(`guess-${i}@example.com`, "wrong", from)).status);
    const rightHere = await login(DEMO_ADMIN.email, DEMO_ADMIN.password, from);
    const rightElsewhere = await login(DEMO_ADMIN.email, DEMO_ADMIN.password, "127.0.4.2");

    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    expect(rightHere.status).toBe(429);
    expect(Number(rightHere.headers["retry-after"])).toBeGreaterThan(0);
    expect(rightElsewhere.status).toBe(200);
  });

  it("gives an unknown account the same answers as a known one, and throttles it the same way", async () => {
    const known: [number, string][] = [];
    const unknown: [number, string][] = [];
    for (let i = 0; i < 6; i++) {
      const k = await login("admin@sonrisa.local", "wrong", "127.0.3.1");
      const u = await login("nobody@sonrisa.local", "wrong", "127.0.3.2");
      known.push([k.status, k.text]);
      unknown.push([u.status, u.text]);
    }
    expect(unknown).toEqual(known);
    expect(known.map(([s]) => s)).toEqual([401, 401, 401, 401, 401, 429]);
  });
});

describe("sign-ins at once", () => {
  it("many right passwords at once never lock the account: the surplus waits 2 s, the next one passes", async () => {
    const user = { email: "burst@example.com", password: "a long enough password" };
    await api.request("POST", "/v1/users", { token: admin, body: { ...user, role: "marketing" } });
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(user.email, user.password, "127.0.8.1")));
    const statuses = burst.map((r) => r.status);

    expect(statuses.filter((st) => st === 200).length).toBeGreaterThanOrEqual(5);
    for (const refused of burst.filter((r) => r.status === 429)) expect(refused.headers["retry-after"]).toBe("2");
    api.shiftClock(3_000);
    expect((await login(user.email, user.password, "127.0.8.1")).status).toBe(200);
  });
});

describe("staff PIN", () => {
  it("a prankster's wrong PINs from one client do not lock out staff at another client or at a kiosk", async () => {
    const kiosk = await kioskOf("barcelona-gracia");
    const prank: number[] = [];
    for (let i = 0; i < 12; i++) prank.push((await staff("barcelona-gracia", "1111", "127.0.4.66")).status);

    expect(prank.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(prank.slice(5))).toEqual(new Set([429]));
    expect((await staff("barcelona-gracia", "2468", "127.0.4.66")).status).toBe(429);
    expect((await staff("barcelona-gracia", "2468", "127.0.4.10")).status).toBe(200);
    expect((await staff("barcelona-gracia", "2468", "127.0.4.66", kiosk)).status).toBe(200);
  });

  it("counts a paired kiosk's staff corner per device: its own failures lock only that device", async () => {
    const kiosk = await kioskOf("mexico-roma");
    for (let i = 0; i < 5; i++) expect((await staff("mexico-roma", "1111", "127.0.5.1", kiosk)).status).toBe(401);

    expect((await staff("mexico-roma", "2468", "127.0.5.1", kiosk)).status).toBe(429);
    expect((await staff("mexico-roma", "2468", "127.0.5.1")).status).toBe(200);
  });

  it("stops distributed guessing at the store's ceiling of 100 a day; paired kiosks still sign in", async () => {
    const kiosk = await kioskOf("madrid-centro");
    const statuses: number[] = [];
    // 25 addresses × 4 guesses: no address reaches its own limit of 5.
    for (let i = 0; i < 100; i++) {
      statuses.push((await staff("madrid-centro", String(1000 + i), `127.0.6.${Math.floor(i / 4) + 1}`)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect((await staff("madrid-centro", "2468", "127.0.6.200")).status).toBe(429);
    expect((await staff("madrid-centro", "2468", "127.0.6.200", kiosk)).status).toBe(200);

    api.shiftClock(25 * 60 * MINUTE);
    expect((await staff("madrid-centro", "2468", "127.0.6.200")).status).toBe(200);
  });
});

describe("pairing codes", () => {
  it("limits guesses per client (429 after 10 unknown codes), other clients still pair", async () => {
    const guesses: number[] = [];
    for (let i = 0; i < 15; i++) guesses.push((await pair(`ZZZZZZ2${"23456789ABCDEFGHJK"[i]}`, "127.0.7.66")).status);
    const code = await codeFor("madrid-centro");

    expect(guesses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(new Set(guesses.slice(10))).toEqual(new Set([429]));
    const refused = await pair(code, "127.0.7.66");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await pair(code, "127.0.7.10")).status).toBe(200);
  });
});
