/**
 * Staff PINs and named staff (issue 10, item 4): set and rotate the store PIN (admin or the store's
 * manager), rotation ends the store's staff sessions, named members sign in with their own PIN and the
 * hand-over records who they are; bad input changes nothing.
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

const setPin = (storeId: string, body: unknown, token = admin) =>
  api.request("PUT", `/v1/stores/${storeId}/staff-pin`, { token, body });
const staffOf = async (storeId: string, token = admin) =>
  (await api.request("GET", `/v1/stores/${storeId}/staff`, { token })).json;
const addMember = (storeId: string, body: unknown, token = admin) =>
  api.request("POST", `/v1/stores/${storeId}/staff`, { token, body });
const signIn = (storeId: string, pin: string) => api.request("POST", "/v1/auth/staff", { body: { storeId, pin } });

describe("the store PIN", () => {
  it("rotating it ends the store's staff sessions at once; the new PIN signs in, the old one not", async () => {
    const before = await api.staffLogin("mexico-roma", "2468");
    const otherStore = await api.staffLogin("barcelona-gracia", "2468");
    expect((await api.request("GET", "/v1/stores/mexico-roma/today", { token: before })).status).toBe(200);

    const res = await setPin("mexico-roma", { pin: "482913" });

    expect(res.status, res.text).toBe(200);
    expect(res.json.pin).toMatchObject({ set: true, minDigits: 4 });
    expect(res.text).not.toMatch(/482913|scrypt/);
    expect((await api.request("GET", "/v1/stores/mexico-roma/today", { token: before })).status).toBe(401);
    expect((await api.request("GET", "/v1/stores/barcelona-gracia/today", { token: otherStore })).status).toBe(200);
    expect((await signIn("mexico-roma", "2468")).status).toBe(401);
    expect((await signIn("mexico-roma", "482913")).status).toBe(200);
  });

  it("raises the floor with minDigits: shorter PINs are refused for the store and its members", async () => {
    const res = await setPin("mexico-roma", { pin: "55667788", minDigits: 6 });
    const short = await addMember("mexico-roma", { name: "Iker", pin: "1234" });

    expect(res.json.pin.minDigits).toBe(6);
    expect(short.status).toBe(400);
    expect((await setPin("mexico-roma", { pin: "1234" })).status).toBe(400);
    expect((await signIn("mexico-roma", "55667788")).status).toBe(200);
  });

  it.each([
    ["3 digits", { pin: "123" }],
    ["9 digits", { pin: "123456789" }],
    ["letters", { pin: "12ab" }],
    ["an unknown field", { pin: "1234", extra: true }],
    ["minDigits above the PIN's length", { pin: "1234", minDigits: 6 }],
  ])("refuses %s with 400 and keeps the PIN", async (_what, body) => {
    const res = await setPin("barcelona-gracia", body);

    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
    expect((await signIn("barcelona-gracia", "2468")).status).toBe(200);
  });

  it("answers 404 for a store that does not exist, 403 to marketing and staff", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const staff = await api.staffLogin("barcelona-gracia", "2468");

    expect((await setPin("atlantis", { pin: "1234" })).status).toBe(404);
    expect((await setPin("barcelona-gracia", { pin: "1234" }, marketing)).status).toBe(403);
    expect((await setPin("barcelona-gracia", { pin: "1234" }, staff)).status).toBe(403);
    expect((await api.request("GET", "/v1/stores/barcelona-gracia/staff", { token: staff })).status).toBe(403);
  });

  it("can be set by the store's manager, not by a manager of another store", async () => {
    const create = await api.request("POST", "/v1/users", {
      token: admin,
      body: {
        email: "maria@example.com",
        role: "manager",
        password: "a long enough one",
        stores: ["barcelona-gracia"],
      },
    });
    expect(create.status).toBe(201);
    const manager = await api.login("maria@example.com", "a long enough one");

    expect((await setPin("barcelona-gracia", { pin: "2468" }, manager)).status).toBe(200);
    expect((await setPin("madrid-centro", { pin: "2468" }, manager)).status).toBe(403);
    expect((await addMember("madrid-centro", { name: "Eva", pin: "7777" }, manager)).status).toBe(403);
  });
});

describe("named staff", () => {
  it("a member signs in with their own PIN, the console learns who, and the hand-over records that person", async () => {
    const added = await addMember("madrid-centro", { name: "Lucía Pérez", pin: "8642" });
    expect(added.status, added.text).toBe(201);
    expect(added.json.member).toMatchObject({ name: "Lucía Pérez", staffId: expect.any(String) });

    const login = await signIn("madrid-centro", "8642");
    expect(login.json).toMatchObject({ role: "staff", storeId: "madrid-centro", staffName: "Lucía Pérez" });

    const code = await winGift();
    const handed = await api.request("POST", "/v1/stores/madrid-centro/gifts", {
      token: login.json.token,
      body: { kind: "surprise", code, staffName: "Someone Else" },
    });

    expect(handed.status, handed.text).toBe(201);
    expect(handed.json.gift.handedByStaff).toEqual({ staffId: added.json.member.staffId, name: "Lucía Pérez" });
    expect(handed.json.gift.handedBy).toBe("staff:madrid-centro (Lucía Pérez)");
    const listed = await api.request("GET", "/v1/stores/madrid-centro/gifts?status=handed", { token: admin });
    expect(listed.json.gifts.find((g: { code: string }) => g.code === code).handedByStaff.name).toBe("Lucía Pérez");
  });

  it("lists members without PINs; removing one ends their session", async () => {
    const added = await addMember("madrid-centro", { name: "Tomás", pin: "97531" });
    const token = (await signIn("madrid-centro", "97531")).json.token;
    const list = await staffOf("madrid-centro");
    expect(list.members.map((m: { name: string }) => m.name)).toContain("Tomás");
    expect(JSON.stringify(list)).not.toMatch(/97531|pinHash|scrypt/);

    const removed = await api.request("DELETE", `/v1/stores/madrid-centro/staff/${added.json.member.staffId}`, {
      token: admin,
    });

    expect(removed.status).toBe(204);
    expect((await api.request("GET", "/v1/stores/madrid-centro/today", { token })).status).toBe(401);
    expect((await signIn("madrid-centro", "97531")).status).toBe(401);
    expect((await api.request("DELETE", "/v1/stores/madrid-centro/staff/nobody", { token: admin })).status).toBe(404);
  });

  it.each([
    ["a PIN of 3 digits", { name: "Ana", pin: "123" }],
    ["a PIN of 9 digits", { name: "Ana", pin: "123456789" }],
    ["no name", { name: "", pin: "1234" }],
    ["control characters in the name", { name: "Ana\u202E", pin: "1234" }],
    ["an unknown field", { name: "Ana", pin: "1234", role: "admin" }],
  ])("refuses %s with 400 and adds nobody", async (_what, body) => {
    const before = (await staffOf("madrid-centro")).members;
    const res = await addMember("madrid-centro", body);

    expect(res.status).toBe(400);
    expect((await staffOf("madrid-centro")).members).toEqual(before);
  });

  it("refuses a PIN already used in the store (it would not say who signs in)", async () => {
    const res = await addMember("madrid-centro", { name: "Clara", pin: "2468" });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("pin_taken");
  });
});

/**
 * A pending surprise at Madrid: happy answers from a fresh kiosk, one at a time with its shopper at the
 * screen (only such an answer may win), until one wins (35 %, budget 20).
 */
async function winGift(): Promise<string> {
  const device = await api.pairDevice("madrid-centro");
  // Spaced past the misuse interval (5 s) and all younger than the 15 minutes a present answer may be.
  const start = Date.now() - 100 * 6_000;
  for (let i = 0; i < 100; i++) {
    const answer = { id: randomUUID(), at: new Date(start + i * 6_000).toISOString(), score: 5 };
    const res = await api.request("POST", "/v1/responses", {
      token: device,
      body: { responses: [answer], present: answer.id },
    });
    const won = res.json.results.find((r: { surprise?: { code: string } }) => r.surprise);
    if (won) return won.surprise.code as string;
  }
  throw new Error("no win in 100 happy answers");
}
