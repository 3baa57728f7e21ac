/**
 * Alerts for store managers on DynamoDB Local (issue 12): a spike of negative answers raises one alert and one
 * e-mail to the store's managers and alert addresses however many answers follow in the window; low stock
 * alerts once a day; alerts are listed per store and acknowledged with a note; settings are validated.
 */
import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";
import { dispatch, MADRID, mailTo, submit, tableClient, uniqueEmail } from "./support/follow-ups.ts";

let api: TestApi;
let admin: string;
let table: ReturnType<typeof tableClient>;
const manager = uniqueEmail("manager");
const addressed = uniqueEmail("ops");

beforeAll(async () => {
  api = await startApi({ streams: true });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  table = tableClient(api);
  // A manager of Madrid where the people work keeps users (gsi1 USERS), and one of another store.
  for (const [email, stores] of [
    [manager, [MADRID]],
    [uniqueEmail("other"), ["mexico-roma"]],
  ] as const) {
    await table.doc.send(
      new PutCommand({
        TableName: api.tableName,
        Item: {
          pk: `USER#${email}`,
          sk: "PROFILE",
          gsi1pk: "USERS",
          gsi1sk: randomUUID(),
          entity: "User",
          email,
          role: "manager",
          stores,
        },
      }),
    );
  }
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

const settings = {
  negativeSpike: { enabled: true, windowMinutes: 15, minAnswers: 4, negativePercent: 50 },
  lowStock: { enabled: true },
  addresses: [addressed],
};

/** Answers a minute apart (past the misuse interval), ending `endMsAgo` before now. */
function negatives(n: number, endMsAgo: number, extra: Record<string, unknown> = {}) {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    at: new Date(Date.now() - endMsAgo - (n - 1 - i) * 60_000).toISOString(),
    score: i % 2 ? 1 : 2,
    reasons: ["waiting"],
    comment: `Esperé ${10 + i} minutos`,
    lang: "es",
    ...extra,
  }));
}

describe("alerts", () => {
  it("take valid settings from an admin", async () => {
    const bad = await api.request("PUT", `/v1/stores/${MADRID}/alert-settings`, {
      token: admin,
      body: { ...settings, addresses: ["not-an-address"] },
    });
    expect(bad.status).toBe(400);
    const res = await api.request("PUT", `/v1/stores/${MADRID}/alert-settings`, { token: admin, body: settings });
    expect(res.status, res.text).toBe(200);
    expect((await api.request("GET", `/v1/stores/${MADRID}/alert-settings`, { token: admin })).json).toEqual(settings);
    const unknown = await api.request("GET", "/v1/stores/nowhere/alert-settings", { token: admin });
    expect(unknown.status).toBe(404);
  });

  it("e-mail once for 4 negative answers in 15 minutes, and still once for 8", async () => {
    const device = await api.pairDevice(MADRID);
    await submit(api, MADRID, negatives(4, 9 * 60_000), device);
    await dispatch();

    const first = mailTo(api, addressed);
    expect(first).toHaveLength(1);
    expect(first[0]!.to.sort()).toEqual([addressed, manager].sort());
    expect(first[0]!.subject).toContain("4 respuestas negativas");
    expect(first[0]!.text).toContain("Esperé mucho");
    expect(first[0]!.text).toContain("Esperé 13 minutos");

    await submit(api, MADRID, negatives(4, 60_000), device); // 8 negatives within 15 minutes now
    await dispatch();
    expect(mailTo(api, addressed)).toHaveLength(1);

    const list = await api.request("GET", `/v1/alerts?storeId=${MADRID}`, { token: admin });
    expect(list.status).toBe(200);
    const spikes = list.json.alerts.filter((a: { kind: string }) => a.kind === "negative-spike");
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({
      storeId: MADRID,
      negative: 4,
      answers: 4,
      recipients: 2,
      emailStatus: "sent",
      status: "open",
    });
    expect(spikes[0].reasons).toEqual([{ id: "waiting", count: 4 }]);

    const ack = await api.request("POST", `/v1/alerts/${spikes[0].alertId}/acknowledge`, {
      token: admin,
      body: { note: "Faltaba una persona en caja" },
    });
    expect(ack.status, ack.text).toBe(200);
    expect(ack.json.alert).toMatchObject({
      status: "acknowledged",
      note: "Faltaba una persona en caja",
      acknowledgedBy: DEMO_ADMIN.email,
    });
    const missing = await api.request("POST", "/v1/alerts/nope/acknowledge", { token: admin, body: {} });
    expect(missing.status).toBe(404);
  });

  it("alert once a day when a gift item runs low", async () => {
    const staff = await api.staffLogin(MADRID, "2468");
    for (const quantity of [12, 3, 2]) {
      const res = await api.request("PUT", `/v1/stores/${MADRID}/stock`, {
        token: staff,
        body: { items: [{ item: "tote-bag", name: "Bolsa de tela / Tote bag", quantity, lowAt: 5 }] },
      });
      expect(res.status, res.text).toBe(200);
      await api.streams?.drain();
    }
    await dispatch();

    const list = await api.request("GET", `/v1/alerts?storeId=${MADRID}&status=open`, { token: admin });
    const low = list.json.alerts.filter((a: { kind: string }) => a.kind === "low-stock");
    expect(low).toHaveLength(1);
    expect(low[0].item).toMatchObject({ item: "tote-bag", available: 3, lowAt: 5 });
    expect(mailTo(api, manager).filter((m) => m.subject.includes("Bolsa"))).toHaveLength(1);
  });
});
