/**
 * People (issue 10, item 3): users listed, added and changed by admins; managers scoped to their stores;
 * changes end sessions at once; the last admin protected; bad input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let admin: string;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
});
afterAll(() => api.stop());

const users = async (token = admin) => (await api.request("GET", "/v1/users", { token })).json.users as AnyUser[];
type AnyUser = { userId: string; email: string; role: string; stores?: string[]; disabled: boolean };
const create = (body: Record<string, unknown>) => api.request("POST", "/v1/users", { token: admin, body });
const update = (userId: string, body: Record<string, unknown>, token = admin) =>
  api.request("PUT", `/v1/users/${userId}`, { token, body });
const idOf = async (email: string) => (await users()).find((u) => u.email === email)!.userId;

describe("users", () => {
  it("lists the demo users with role and status, never a hash", async () => {
    const res = await api.request("GET", "/v1/users", { token: admin });

    expect(res.status).toBe(200);
    expect(res.json.users.map((u: AnyUser) => [u.email, u.role, u.disabled])).toEqual([
      ["admin@sonrisa.local", "admin", false],
      ["marketing@sonrisa.local", "marketing", false],
    ]);
    expect(res.text).not.toMatch(/scrypt|passwordHash|version/);
  });

  it("adds a marketing user who can sign in, and refuses the same e-mail twice", async () => {
    const res = await create({ email: "Lola@Example.com", role: "marketing", password: PASSWORD });
    const again = await create({ email: "lola@example.com", role: "admin", password: PASSWORD });

    expect(res.status, res.text).toBe(201);
    expect(res.json.user).toMatchObject({ email: "lola@example.com", role: "marketing", disabled: false });
    expect(
      (await api.request("POST", "/v1/auth/login", { body: { email: "lola@example.com", password: PASSWORD } })).json
        .role,
    ).toBe("marketing");
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("email_taken");
  });

  it.each([
    ["an unknown field", { email: "a@example.com", role: "marketing", password: PASSWORD, extra: 1 }],
    ["a role that does not exist", { email: "b@example.com", role: "owner", password: PASSWORD }],
    ["a short password", { email: "c@example.com", role: "marketing", password: "short" }],
    ["a manager without stores", { email: "d@example.com", role: "manager", password: PASSWORD }],
    [
      "a manager with a store that does not exist",
      { email: "e@example.com", role: "manager", password: PASSWORD, stores: ["madrid-centro", "atlantis"] },
    ],
    [
      "stores for a marketing user",
      { email: "f@example.com", role: "marketing", password: PASSWORD, stores: ["madrid-centro"] },
    ],
    ["a bad e-mail", { email: "not-an-email", role: "marketing", password: PASSWORD }],
  ])("refuses %s with 400 and adds nobody", async (_what, body) => {
    const before = await users();
    const res = await create(body);

    expect(res.status, res.text).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
    expect(res.json.error.details.length).toBeGreaterThan(0);
    expect(await users()).toEqual(before);
  });

  it("refuses bad changes with 400 and changes nothing", async () => {
    const id = await idOf("marketing@sonrisa.local");
    const before = await users();
    const bad = [
      await update(id, { role: "owner" }),
      await update(id, { stores: ["madrid-centro"] }),
      await update(id, { role: "manager" }),
      await update(id, { role: "manager", stores: ["atlantis"] }),
      await update(id, {}),
      await update(id, { disabled: "yes" }),
      await update(id, { email: "x@example.com" }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect((await update("no-such-user", { disabled: true })).status).toBe(404);
    expect(await users()).toEqual(before);
  });

  it("keeps user management to admins: marketing and managers get 403", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    await create({ email: "mgr-403@example.com", role: "manager", password: PASSWORD, stores: ["madrid-centro"] });
    const manager = await api.login("mgr-403@example.com", PASSWORD);
    const id = await idOf("marketing@sonrisa.local");

    for (const token of [marketing, manager]) {
      expect((await api.request("GET", "/v1/users", { token })).status).toBe(403);
      expect(
        (
          await api.request("POST", "/v1/users", {
            token,
            body: { email: "z@example.com", role: "admin", password: PASSWORD },
          })
        ).status,
      ).toBe(403);
      expect((await update(id, { role: "admin" }, token)).status).toBe(403);
    }
  });
});

describe("sessions end when the user changes", () => {
  it("disabling a user ends their live session at once (next request 401), and they cannot sign in", async () => {
    await create({ email: "gone@example.com", role: "marketing", password: PASSWORD });
    const token = await api.login("gone@example.com", PASSWORD);
    expect((await api.request("GET", "/v1/stores", { token })).status).toBe(200);

    const res = await update(await idOf("gone@example.com"), { disabled: true });

    expect(res.json.user.disabled).toBe(true);
    expect((await api.request("GET", "/v1/stores", { token })).status).toBe(401);
    const login = await api.request("POST", "/v1/auth/login", {
      body: { email: "gone@example.com", password: PASSWORD },
    });
    expect(login.status).toBe(401);
    await update(await idOf("gone@example.com"), { disabled: false });
    expect(
      (await api.request("POST", "/v1/auth/login", { body: { email: "gone@example.com", password: PASSWORD } })).status,
    ).toBe(200);
  });

  it("a role change ends the session too (the token carried the old role)", async () => {
    await create({ email: "promoted@example.com", role: "marketing", password: PASSWORD });
    const token = await api.login("promoted@example.com", PASSWORD);

    await update(await idOf("promoted@example.com"), { role: "manager", stores: ["mexico-roma"] });

    expect((await api.request("GET", "/v1/stores", { token })).status).toBe(401);
    const again = await api.request("POST", "/v1/auth/login", {
      body: { email: "promoted@example.com", password: PASSWORD },
    });
    expect(again.json).toMatchObject({ role: "manager", stores: ["mexico-roma"] });
  });
});

describe("the last admin", () => {
  it("cannot be demoted or disabled; with a second admin, one of them can", async () => {
    const adminId = await idOf(DEMO_ADMIN.email);
    const demote = await update(adminId, { role: "marketing" });
    const disable = await update(adminId, { disabled: true });

    expect([demote.status, disable.status]).toEqual([409, 409]);
    expect(demote.json.error.code).toBe("last_admin");

    const second = await create({ email: "second-admin@example.com", role: "admin", password: PASSWORD });
    const secondToken = await api.login("second-admin@example.com", PASSWORD);
    expect((await update(second.json.user.userId, { disabled: true })).status).toBe(200);
    expect((await update(adminId, { disabled: true }, secondToken)).status).toBe(401);
    expect((await update(adminId, { role: "marketing" })).status).toBe(409);
    await update(second.json.user.userId, { disabled: false });
  });

  it("two admins demoting each other at once: one wins, one admin stays", async () => {
    const a = (await create({ email: "duel-a@example.com", role: "admin", password: PASSWORD })).json.user.userId;
    const b = (await create({ email: "duel-b@example.com", role: "admin", password: PASSWORD })).json.user.userId;
    const ta = await api.login("duel-a@example.com", PASSWORD);
    const tb = await api.login("duel-b@example.com", PASSWORD);
    // Only these two stay admins: the others become marketing first.
    for (const u of await users()) {
      if (u.role === "admin" && u.userId !== a && u.userId !== b) {
        expect((await update(u.userId, { role: "marketing" }, ta)).status).toBe(200);
      }
    }

    const [ra, rb] = await Promise.all([update(b, { role: "marketing" }, ta), update(a, { role: "marketing" }, tb)]);

    expect([ra.status, rb.status].sort()).toEqual([200, 409].sort());
    const winner = ra.status === 200 ? ta : tb;
    const all = await users(winner);
    expect(all.filter((u) => u.role === "admin" && !u.disabled)).toHaveLength(1);
    const demoAdmin = all.find((u) => u.email === DEMO_ADMIN.email)!;
    expect((await update(demoAdmin.userId, { role: "admin" }, winner)).status).toBe(200);
    admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  });
});

describe("own password", () => {
  it("changes with the current one; the old session and password stop working", async () => {
    await create({ email: "pw@example.com", role: "marketing", password: PASSWORD });
    const token = await api.login("pw@example.com", PASSWORD);

    const wrong = await api.request("POST", "/v1/auth/password", {
      token,
      body: { currentPassword: "not it at all", newPassword: "a brand new passphrase" },
    });
    const short = await api.request("POST", "/v1/auth/password", {
      token,
      body: { currentPassword: PASSWORD, newPassword: "short" },
    });
    const ok = await api.request("POST", "/v1/auth/password", {
      token,
      body: { currentPassword: PASSWORD, newPassword: "a brand new passphrase" },
    });

    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details[0].path).toEqual(["currentPassword"]);
    expect(short.status).toBe(400);
    expect(ok.status, ok.text).toBe(200);
    expect((await api.request("GET", "/v1/stores", { token })).status).toBe(401);
    expect((await api.request("GET", "/v1/stores", { token: ok.json.token })).status).toBe(200);
    const old = await api.request("POST", "/v1/auth/login", { body: { email: "pw@example.com", password: PASSWORD } });
    expect(old.status).toBe(401);
    expect(await api.login("pw@example.com", "a brand new passphrase")).toEqual(expect.any(String));
  });

  it("is refused to staff and devices", async () => {
    const staff = await api.staffLogin("madrid-centro", "2468");
    const res = await api.request("POST", "/v1/auth/password", {
      token: staff,
      body: { currentPassword: "2468", newPassword: "a brand new passphrase" },
    });
    expect(res.status).toBe(403);
  });
});

describe("a manager", () => {
  let manager: string;
  beforeAll(async () => {
    await create({ email: "carmen@example.com", role: "manager", password: PASSWORD, stores: ["madrid-centro"] });
    manager = await api.login("carmen@example.com", PASSWORD);
  });
  const get = (path: string) => api.request("GET", path, { token: manager });

  it("sees only its stores in the lists", async () => {
    const stores = await get("/v1/stores");
    const results = await get("/v1/results");

    expect(stores.json.stores.map((s: { storeId: string }) => s.storeId)).toEqual(["madrid-centro"]);
    expect(results.json.stores.map((s: { storeId: string }) => s.storeId)).toEqual(["madrid-centro"]);
  });

  it("reads its store's results, comments and today's numbers, and runs its stock, PIN and kiosks", async () => {
    const statuses = [
      (await get("/v1/stores/madrid-centro/results")).status,
      (await get("/v1/stores/madrid-centro/comments")).status,
      (await get("/v1/stores/madrid-centro/today")).status,
      (await get("/v1/stores/madrid-centro/stock")).status,
      (await get("/v1/stores/madrid-centro/staff")).status,
      (await api.request("POST", "/v1/stores/madrid-centro/pairing-codes", { token: manager })).status,
      (
        await api.request("PUT", "/v1/stores/madrid-centro/stock", {
          token: manager,
          body: { items: [{ item: "coffee", name: "Café / Coffee", quantity: 70, lowAt: 10 }] },
        })
      ).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201, 200]);
  });

  it("gets 403 on another store and on admin routes", async () => {
    const statuses = [
      (await get("/v1/stores/barcelona-gracia/results")).status,
      (await get("/v1/stores/barcelona-gracia/comments")).status,
      (await get("/v1/stores/barcelona-gracia/today")).status,
      (await get("/v1/stores/barcelona-gracia/stock")).status,
      (await api.request("PUT", "/v1/stores/barcelona-gracia/staff-pin", { token: manager, body: { pin: "1357" } }))
        .status,
      (await api.request("POST", "/v1/stores/barcelona-gracia/pairing-codes", { token: manager })).status,
      (await get("/v1/users")).status,
      (await api.request("PUT", "/v1/surprise-rules", { token: manager, body: { rules: [] } })).status,
      (await get("/v1/export/responses.csv")).status,
    ];
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 403]);
  });

  it("loses a store at once when the admin takes it away", async () => {
    await update(await idOf("carmen@example.com"), { stores: ["barcelona-gracia"] });

    expect((await get("/v1/stores/madrid-centro/results")).status).toBe(401);
    manager = await api.login("carmen@example.com", PASSWORD);
    expect((await get("/v1/stores/madrid-centro/results")).status).toBe(403);
    expect((await get("/v1/stores/barcelona-gracia/results")).status).toBe(200);
  });
});
