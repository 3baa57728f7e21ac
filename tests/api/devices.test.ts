/**
 * Kiosks from the dashboard (issue 10, item 5) on DynamoDB Local: a store's devices with what they report,
 * rename, revoke (the token is refused from the next request on, and the answers it still holds upload
 * once the tablet is paired again), and who may do it: admins, and managers for their own stores only.
 */
import { randomUUID } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocumentClient } from "../../functions/src/adapters/dynamo/client.ts";
import { keys } from "../../functions/src/adapters/dynamo/keys.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const MADRID = "madrid-centro";
const GRACIA = "barcelona-gracia";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
});
afterAll(() => api.stop());

/** A manager of these stores, created by the admin and signed in as a user would. */
async function managerOf(...stores: string[]): Promise<string> {
  const email = `manager-${stores.join("-")}-${Date.now()}@example.com`;
  const password = "a long manager passphrase";
  const created = await api.request("POST", "/v1/users", {
    token: admin,
    body: { email, role: "manager", stores, password },
  });
  if (created.status !== 201) throw new Error(`creating a manager: ${created.status} ${created.text}`);
  return api.login(email, password);
}

/** Pairs a kiosk and returns its token and id. */
async function kiosk(storeId = MADRID) {
  const token = await api.pairDevice(storeId);
  const config = await api.request("GET", "/v1/kiosk/config", { token });
  return { token, deviceId: config.json.deviceId as string };
}

const devicesOf = async (storeId: string, token = admin) =>
  api.request("GET", `/v1/stores/${storeId}/devices`, { token });
const answers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    at: new Date(Date.now() - (i + 1) * 10_000).toISOString(),
    score: 4,
  }));
const totalOf = async (storeId: string) =>
  (await api.request("GET", `/v1/stores/${storeId}/results`, { token: admin })).json.total as number;

describe("listing a store's kiosks", () => {
  it("shows each kiosk with its pairing, last contact and what it last reported", async () => {
    const quiet = await kiosk();
    const busy = await kiosk();
    const status = { queueDepth: 3, appVersion: "2026.11.2", undelivered: [{ code: "invalid_item", count: 1 }] };
    const beat = await api.request("POST", "/v1/kiosk/heartbeat", { token: busy.token, body: status });
    expect(beat.status).toBe(204);

    const res = await devicesOf(MADRID);
    expect(res.status).toBe(200);
    const byId = new Map(res.json.devices.map((d: { deviceId: string }) => [d.deviceId, d]));
    expect(byId.get(busy.deviceId)).toEqual({
      deviceId: busy.deviceId,
      storeId: MADRID,
      name: null,
      pairedAt: expect.any(String),
      lastSeenAt: expect.any(String),
      queueDepth: 3,
      appVersion: "2026.11.2",
      revokedAt: null,
      undelivered: [{ code: "invalid_item", count: 1 }],
    });
    expect(byId.get(quiet.deviceId)).toMatchObject({ lastSeenAt: null, queueDepth: null, appVersion: null });
    const paired = res.json.devices.map((d: { pairedAt: string }) => d.pairedAt);
    expect(paired).toEqual([...paired].sort().reverse());
  });

  it("refuses marketing, staff and kiosks with 403 and an unknown store with 404", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const staff = await api.staffLogin(MADRID, "2468");
    const { token: device } = await kiosk();
    const statuses = await Promise.all([
      devicesOf(MADRID, marketing),
      devicesOf(MADRID, staff),
      devicesOf(MADRID, device),
      devicesOf("nowhere-store"),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([403, 403, 403, 404]);
  });
});

describe("renaming a kiosk", () => {
  it("sets the name the Kiosks page shows", async () => {
    const { deviceId } = await kiosk();
    const res = await api.request("PUT", `/v1/devices/${deviceId}`, { token: admin, body: { name: "  Caja 1 " } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.device).toMatchObject({ deviceId, name: "Caja 1" });
    const listed = (await devicesOf(MADRID)).json.devices.find((d: { deviceId: string }) => d.deviceId === deviceId);
    expect(listed.name).toBe("Caja 1");
  });

  it("refuses an empty or long name and unknown fields with 400, an unknown kiosk with 404, and changes nothing", async () => {
    const { deviceId } = await kiosk();
    await api.request("PUT", `/v1/devices/${deviceId}`, { token: admin, body: { name: "Entrada" } });
    const bodies = [{ name: "   " }, { name: "x".repeat(61) }, { name: "Caja", storeId: GRACIA }, {}];
    for (const body of bodies) {
      const res = await api.request("PUT", `/v1/devices/${deviceId}`, { token: admin, body });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_request");
    }
    const unknown = await api.request("PUT", `/v1/devices/${randomUUID()}`, { token: admin, body: { name: "X" } });
    expect(unknown.status).toBe(404);
    const listed = (await devicesOf(MADRID)).json.devices.find((d: { deviceId: string }) => d.deviceId === deviceId);
    expect(listed.name).toBe("Entrada");
  });
});

describe("revoking a kiosk", () => {
  it("refuses its token from the next request on (401) and stores nothing it sends", async () => {
    const { token, deviceId } = await kiosk();
    const before = await totalOf(MADRID);
    const revoked = await api.request("DELETE", `/v1/devices/${deviceId}`, { token: admin });
    expect(revoked.status, revoked.text).toBe(200);
    expect(Date.parse(revoked.json.device.revokedAt)).toBeGreaterThan(0);

    const config = await api.request("GET", "/v1/kiosk/config", { token });
    const sent = await api.request("POST", "/v1/responses", { token, body: { responses: answers(2) } });
    const beat = await api.request("POST", "/v1/kiosk/heartbeat", { token, body: { queueDepth: 2, appVersion: "1" } });
    expect([config.status, sent.status, beat.status]).toEqual([401, 401, 401]);
    expect(sent.json.error.code).toBe("unauthorized");
    expect(await totalOf(MADRID)).toBe(before);

    const again = await api.request("DELETE", `/v1/devices/${deviceId}`, { token: admin });
    expect(again.json.device.revokedAt).toBe(revoked.json.device.revokedAt);
    const listed = (await devicesOf(MADRID)).json.devices.find((d: { deviceId: string }) => d.deviceId === deviceId);
    expect(listed.revokedAt).toBe(revoked.json.device.revokedAt);
  });

  it("lets a kiosk revoke itself (its staff's Unpair), and no other kiosk, which keeps working", async () => {
    const mine = await kiosk();
    const other = await kiosk();

    const othersTry = await api.request("DELETE", `/v1/devices/${other.deviceId}`, { token: mine.token });
    const own = await api.request("DELETE", `/v1/devices/${mine.deviceId}`, { token: mine.token });
    const afterwards = await api.request("GET", "/v1/kiosk/config", { token: mine.token });
    const otherStill = await api.request("GET", "/v1/kiosk/config", { token: other.token });

    expect(othersTry.status).toBe(403);
    expect(own.status, own.text).toBe(200);
    expect(Date.parse(own.json.device.revokedAt)).toBeGreaterThan(0);
    expect(afterwards.status).toBe(401);
    expect(otherStill.status).toBe(200);
    const listed = (await devicesOf(MADRID)).json.devices;
    expect(listed.find((d: { deviceId: string }) => d.deviceId === other.deviceId).revokedAt).toBeNull();
  });

  it("refuses the next batch even while the function still holds a few-second copy of the device", async () => {
    // In AWS the revocation runs in another function, so the kiosk path's copy (5 s) does not know of it;
    // the answer transaction itself is conditioned on the device not being revoked.
    const { token, deviceId } = await kiosk();
    const warm = await api.request("POST", "/v1/responses", { token, body: { responses: answers(1) } });
    expect(warm.status).toBe(200);
    const before = await totalOf(MADRID);
    const doc = makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint });
    await doc.send(
      new UpdateCommand({
        TableName: api.tableName,
        Key: keys.device(MADRID, deviceId),
        UpdateExpression: "SET revokedAt = :at",
        ExpressionAttributeValues: { ":at": new Date().toISOString() },
      }),
    );

    const sent = await api.request("POST", "/v1/responses", {
      token,
      body: { responses: [{ id: randomUUID(), at: new Date().toISOString(), score: 5 }] },
    });
    expect(sent.status, sent.text).toBe(401);
    expect(await totalOf(MADRID)).toBe(before);
  });

  it("lets the answers a revoked tablet kept upload once it is paired again to the same store, once", async () => {
    const first = await kiosk();
    const queue = answers(3);
    await api.request("DELETE", `/v1/devices/${first.deviceId}`, { token: admin });
    const refused = await api.request("POST", "/v1/responses", { token: first.token, body: { responses: queue } });
    expect(refused.status).toBe(401);
    const before = await totalOf(MADRID);

    const again = await kiosk(MADRID);
    const sent = await api.request("POST", "/v1/responses", { token: again.token, body: { responses: queue } });
    const resent = await api.request("POST", "/v1/responses", { token: again.token, body: { responses: queue } });
    expect(sent.json.results.map((r: { status: string }) => r.status)).toEqual(["stored", "stored", "stored"]);
    expect(resent.json.results.map((r: { status: string }) => r.status)).toEqual([
      "duplicate",
      "duplicate",
      "duplicate",
    ]);
    expect(await totalOf(MADRID)).toBe(before + 3);
  });

  it("answers 404 for an unknown kiosk", async () => {
    const res = await api.request("DELETE", `/v1/devices/${randomUUID()}`, { token: admin });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});

describe("managers", () => {
  it("manage their own stores' kiosks and get 403 for another store's, which stay as they were", async () => {
    const manager = await managerOf(MADRID);
    const own = await kiosk(MADRID);
    const other = await kiosk(GRACIA);

    expect((await devicesOf(MADRID, manager)).status).toBe(200);
    expect((await devicesOf(GRACIA, manager)).status).toBe(403);
    const rename = await api.request("PUT", `/v1/devices/${own.deviceId}`, {
      token: manager,
      body: { name: "Mostrador" },
    });
    expect(rename.status).toBe(200);

    const renameOther = await api.request("PUT", `/v1/devices/${other.deviceId}`, {
      token: manager,
      body: { name: "Mine now" },
    });
    const revokeOther = await api.request("DELETE", `/v1/devices/${other.deviceId}`, { token: manager });
    expect([renameOther.status, revokeOther.status]).toEqual([403, 403]);
    expect(revokeOther.json.error.code).toBe("forbidden");
    const listed = (await devicesOf(GRACIA)).json.devices.find(
      (d: { deviceId: string }) => d.deviceId === other.deviceId,
    );
    expect(listed).toMatchObject({ name: null, revokedAt: null });
    expect((await api.request("GET", "/v1/kiosk/config", { token: other.token })).status).toBe(200);

    const revokeOwn = await api.request("DELETE", `/v1/devices/${own.deviceId}`, { token: manager });
    expect(revokeOwn.status).toBe(200);
    const code = await api.request("POST", `/v1/stores/${MADRID}/pairing-codes`, { token: manager });
    const codeOther = await api.request("POST", `/v1/stores/${GRACIA}/pairing-codes`, { token: manager });
    expect([code.status, codeOther.status]).toEqual([201, 403]);
  });
});
