/**
 * Webhooks out on DynamoDB Local (issue 14, item 5), with receivers in this process on 127.0.0.1 that verify every
 * signature by the Standard Webhooks algorithm: events from the table's stream, one message per event and
 * endpoint; retries on the schedule (the clock port moved, nothing waited for) and exactly one success with one
 * id; replay with the same id; secret rotation; test events of every type in their real shape; personal data only
 * while consent is active; two dispatchers at once; a sender that died; switched-off endpoints; refused addresses.
 */
import { randomUUID } from "node:crypto";
import { WEBHOOK_DATA, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@sonrisa/shared/schemas/webhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLAIM_TIMEOUT_MS } from "../../functions/src/domain/webhook-delivery.ts";
import { makeJob } from "../../functions/src/jobs/dispatch-webhooks.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";
import { fixedClock, MADRID, optInAnswer, submit, testDeps, uniqueEmail } from "./support/follow-ups.ts";
import { type Receiver, startReceiver, verifiesWith } from "./support/webhook-receiver.ts";

let api: TestApi;
let admin: string;
const receivers: Receiver[] = [];
const endpoints: string[] = [];

beforeAll(async () => {
  api = await startApi({ streams: true });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
});
afterEach(async () => {
  // Later tests' events must not go to this test's endpoints.
  for (const id of endpoints.splice(0)) {
    await api.request("PUT", `/v1/webhook-endpoints/${id}`, { token: admin, body: { active: false } });
  }
  for (const r of receivers.splice(0)) await r.stop();
});
afterAll(async () => {
  await api?.stop();
});

/** A receiver and an endpoint pointing at it; `secrets` holds every secret the receiver accepts. */
async function endpointFor(events: WebhookEventType[]) {
  const secrets: string[] = [];
  const receiver = await startReceiver(() => secrets);
  receivers.push(receiver);
  const res = await api.request("POST", "/v1/webhook-endpoints", {
    token: admin,
    body: { url: receiver.url, events, description: "test receiver" },
  });
  expect(res.status, res.text).toBe(201);
  secrets.push(res.json.secret);
  endpoints.push(res.json.endpoint.endpointId);
  return { endpointId: res.json.endpoint.endpointId as string, secret: res.json.secret as string, secrets, receiver };
}

/** One run of the webhook dispatcher with the clock at `at` (ms since the epoch). */
const dispatchAt = (at: number) => makeJob(testDeps(fixedClock(new Date(at))))();

async function log(endpointId: string) {
  const res = await api.request("GET", `/v1/webhook-endpoints/${endpointId}/messages`, { token: admin });
  expect(res.status, res.text).toBe(200);
  return res.json.messages as {
    messageId: string;
    eventType: string;
    status: string;
    reason?: string;
    nextAttemptAt?: string;
    attempts: { status: number | null; error?: string; trigger: string; at: string }[];
  }[];
}

const plainAnswer = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  at: new Date().toISOString(),
  score: 5,
  lang: "es",
  ...over,
});

describe("events from the stream", () => {
  it("reach the endpoint signed, each in its real shape; a contact's address only while consent is active", async () => {
    const { receiver } = await endpointFor(["answer.stored", "contact.created"]);
    const email = uniqueEmail("webhook");

    const answer = optInAnswer({ email }, { comment: "Muy bien" });
    await submit(api, MADRID, [answer]);
    await api.streams!.drain();
    const summary = await dispatchAt(Date.now());

    expect(summary.delivered).toBeGreaterThanOrEqual(2);
    const types = receiver.received.map((r) => r.payload.type).sort();
    expect(types).toEqual(["answer.stored", "contact.created"]);
    for (const r of receiver.received) {
      expect(r.status, "the signature verifies").toBe(200);
      expect(() => WEBHOOK_DATA[r.payload.type as WebhookEventType].parse(r.payload.data)).not.toThrow();
    }
    const stored = receiver.received.find((r) => r.payload.type === "answer.stored")!;
    expect(stored.payload.data).toMatchObject({ answerId: answer.id, storeId: MADRID, score: 5, optedIn: true });
    expect(stored.body).not.toContain(email);
    const contact = receiver.received.find((r) => r.payload.type === "contact.created")!;
    expect(contact.payload.data).toMatchObject({ email, consent: { purposes: ["marketing"], channels: ["email"] } });
  });

  it("give a receiver that fails 3 times then succeeds the event exactly once more, with the same id", async () => {
    const { endpointId, receiver } = await endpointFor(["answer.stored"]);
    receiver.failNext(500, 503, 500);
    await submit(api, MADRID, [plainAnswer()]);
    const t0 = Date.now();

    await dispatchAt(t0); // 500
    await dispatchAt(t0 + 4_000); // not due yet: the next attempt is 5 s after the first
    expect(receiver.received).toHaveLength(1);
    await dispatchAt(t0 + 10_000); // 503
    await dispatchAt(t0 + 10 * 60_000); // 500
    await dispatchAt(t0 + 50 * 60_000); // 200
    await dispatchAt(t0 + 30 * 3_600_000); // nothing left

    expect(receiver.received.map((r) => r.status)).toEqual([500, 503, 500, 200]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    const [message] = await log(endpointId);
    expect(message).toMatchObject({ messageId: receiver.received[0]!.id, status: "delivered" });
    expect(message!.attempts.map((a) => a.status)).toEqual([500, 503, 500, 200]);
  });

  it("gives up after 8 attempts spread over 24 hours", async () => {
    const { endpointId, receiver } = await endpointFor(["answer.stored"]);
    receiver.failNext(...Array(8).fill(500));
    await submit(api, MADRID, [plainAnswer()]);

    let at = Date.now();
    for (let run = 0; run < 10; run++) {
      await dispatchAt(at);
      const [message] = await log(endpointId);
      if (message!.status !== "pending") break;
      at = Date.parse(message!.nextAttemptAt!) + 1_000;
    }

    const [message] = await log(endpointId);
    expect(message!.status).toBe("failed");
    expect(message!.attempts).toHaveLength(8);
    const span = Date.parse(message!.attempts[7]!.at) - Date.parse(message!.attempts[0]!.at);
    expect(span).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(span).toBeLessThan(24 * 3_600_000 + 10 * 60_000);
    expect(receiver.received).toHaveLength(8);
  });

  it("are sent once when two dispatchers run at once", async () => {
    const { receiver } = await endpointFor(["answer.stored"]);
    await submit(
      api,
      MADRID,
      Array.from({ length: 8 }, () => plainAnswer()),
    );
    const now = Date.now();

    await Promise.all([dispatchAt(now), dispatchAt(now), dispatchAt(now)]);

    expect(receiver.received).toHaveLength(8);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(8);
  });

  it("go back to the schedule when their sender died after the claim, and arrive once", async () => {
    const { endpointId, receiver } = await endpointFor(["answer.stored"]);
    await submit(api, MADRID, [plainAnswer()]);
    const t0 = Date.now();
    const deps = testDeps(fixedClock(new Date(t0)));
    const [queued] = await log(endpointId);
    const message = await deps.webhookOutbox.get(queued!.messageId);
    expect(await deps.webhookOutbox.claim(message!, "a-sender-that-died", new Date(t0).toISOString())).toBeDefined();

    await dispatchAt(t0 + 60_000); // still claimed: nobody sends it
    expect(receiver.received).toHaveLength(0);
    await dispatchAt(t0 + CLAIM_TIMEOUT_MS + 1_000); // the claim is stale: back to the schedule
    await dispatchAt(t0 + CLAIM_TIMEOUT_MS + 10_000);

    expect(receiver.received).toHaveLength(1);
    const [after] = await log(endpointId);
    expect(after!.status).toBe("delivered");
    expect(after!.attempts.map((a) => a.error ?? a.status)).toEqual(["no_answer", 200]);
  });

  it("carry no personal data once consent is withdrawn: contact.created is cancelled, consent.withdrawn names the id only", async () => {
    const { endpointId, receiver } = await endpointFor(["contact.created", "consent.withdrawn"]);
    const email = uniqueEmail("retira");
    await submit(api, MADRID, [optInAnswer({ email })]);
    const found = await api.request("GET", `/v1/contacts?q=${encodeURIComponent(email)}`, { token: admin });
    const contactId = found.json.contacts[0].contactId as string;
    const withdrawn = await api.request("POST", `/v1/contacts/${contactId}/withdrawal`, { token: admin });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    await api.streams!.drain();

    await dispatchAt(Date.now());

    expect(receiver.received.map((r) => r.payload.type)).toEqual(["consent.withdrawn"]);
    expect(receiver.received[0]!.payload.data).toMatchObject({ contactId, source: "admin" });
    expect(receiver.received[0]!.body).not.toContain(email);
    const cancelled = (await log(endpointId)).find((m) => m.eventType === "contact.created");
    expect(cancelled).toMatchObject({ status: "cancelled", reason: "the contact has no active consent" });
  });

  it("are not queued for a switched-off endpoint, which also refuses test events (409)", async () => {
    const { endpointId, receiver } = await endpointFor(["answer.stored"]);
    const off = await api.request("PUT", `/v1/webhook-endpoints/${endpointId}`, {
      token: admin,
      body: { active: false },
    });
    expect(off.json.endpoint.active).toBe(false);
    await submit(api, MADRID, [plainAnswer()]);
    await dispatchAt(Date.now());

    expect(await log(endpointId)).toEqual([]);
    expect(receiver.received).toHaveLength(0);
    const test = await api.request("POST", `/v1/webhook-endpoints/${endpointId}/test`, {
      token: admin,
      body: { eventType: "answer.stored" },
    });
    expect(test.status).toBe(409);
  });
});

describe("an admin", () => {
  it("replays a delivered message under the same id", async () => {
    const { endpointId, receiver } = await endpointFor(["answer.stored"]);
    await submit(api, MADRID, [plainAnswer()]);
    await dispatchAt(Date.now());
    const [message] = await log(endpointId);
    expect(message!.status).toBe("delivered");

    const replay = await api.request(
      "POST",
      `/v1/webhook-endpoints/${endpointId}/messages/${message!.messageId}/replay`,
      { token: admin },
    );

    expect(replay.status, replay.text).toBe(200);
    expect(replay.json.message.status).toBe("delivered");
    expect(replay.json.message.attempts.map((a: { trigger: string }) => a.trigger)).toEqual(["schedule", "replay"]);
    expect(receiver.received.map((r) => r.id)).toEqual([message!.messageId, message!.messageId]);
    expect(receiver.received.every((r) => r.status === 200)).toBe(true);
  });

  it("sends a test event of every type, in its real shape, and sees it in the log", async () => {
    const { endpointId, receiver } = await endpointFor(["answer.stored"]);
    for (const eventType of WEBHOOK_EVENT_TYPES) {
      const res = await api.request("POST", `/v1/webhook-endpoints/${endpointId}/test`, {
        token: admin,
        body: { eventType },
      });
      expect(res.status, res.text).toBe(201);
      expect(res.json.message).toMatchObject({ eventType, status: "delivered", test: true });
    }
    expect(receiver.received.map((r) => r.payload.type)).toEqual([...WEBHOOK_EVENT_TYPES]);
    for (const r of receiver.received) {
      expect(r.status).toBe(200);
      expect(
        () => WEBHOOK_DATA[r.payload.type as WebhookEventType].parse(r.payload.data),
        r.payload.type,
      ).not.toThrow();
    }
    expect((await log(endpointId)).filter((m) => m.eventType === "gift.won")).toHaveLength(1);
  });

  it("rotates the secret: during the overlap a delivery verifies with either secret; without overlap, with the new one only", async () => {
    const { endpointId, secret: first, secrets, receiver } = await endpointFor(["answer.stored"]);
    const rotated = await api.request("POST", `/v1/webhook-endpoints/${endpointId}/rotate-secret`, {
      token: admin,
      body: {},
    });
    expect(rotated.status, rotated.text).toBe(200);
    const second = rotated.json.secret as string;
    expect(second).not.toBe(first);
    expect(rotated.json.endpoint.previousSecretUntil).toEqual(expect.any(String));
    secrets.push(second);

    await api.request("POST", `/v1/webhook-endpoints/${endpointId}/test`, {
      token: admin,
      body: { eventType: "gift.won" },
    });
    const during = receiver.received.at(-1)!;
    expect(during.signature.split(" ")).toHaveLength(2);
    expect(verifiesWith(first, during)).toBe(true);
    expect(verifiesWith(second, during)).toBe(true);

    const again = await api.request("POST", `/v1/webhook-endpoints/${endpointId}/rotate-secret`, {
      token: admin,
      body: { overlapHours: 0 },
    });
    const third = again.json.secret as string;
    secrets.push(third);
    await api.request("POST", `/v1/webhook-endpoints/${endpointId}/test`, {
      token: admin,
      body: { eventType: "gift.won" },
    });
    const after = receiver.received.at(-1)!;
    expect(after.signature.split(" ")).toHaveLength(1);
    expect(verifiesWith(third, after)).toBe(true);
    expect(verifiesWith(second, after)).toBe(false);
    expect(verifiesWith(first, after)).toBe(false);
    expect(again.json.endpoint.previousSecretUntil).toBeUndefined();
  });

  it("registers only https addresses that are not private (plain http to 127.0.0.1 on the local stack only)", async () => {
    for (const url of [
      "http://example.com/hooks",
      "https://10.0.0.5/hooks",
      "https://169.254.169.254/latest/meta-data",
      "https://[fd00:ec2::254]/",
      "https://user:pass@example.com/hooks",
      "ftp://example.com/hooks",
    ]) {
      const res = await api.request("POST", "/v1/webhook-endpoints", {
        token: admin,
        body: { url, events: ["answer.stored"] },
      });
      expect(res.status, url).toBe(400);
    }
    const local = await api.request("POST", "/v1/webhook-endpoints", {
      token: admin,
      body: { url: "http://127.0.0.1:9/hooks", events: ["answer.stored"], active: false },
    });
    expect(local.status).toBe(201);
    expect(local.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify((await api.request("GET", "/v1/webhook-endpoints", { token: admin })).json)).not.toContain(
      local.json.secret,
    );
  });

  it("alone manages endpoints: marketing, managers and integration keys get 403", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const key = await api.request("POST", "/v1/integration-keys", {
      token: admin,
      body: { name: "CRM", stores: "all", permissions: ["purchases:write"] },
    });
    for (const token of [marketing, key.json.secret]) {
      expect((await api.request("GET", "/v1/webhook-endpoints", { token })).status).toBe(403);
      const made = await api.request("POST", "/v1/webhook-endpoints", {
        token,
        body: { url: "https://example.com/hooks", events: ["answer.stored"] },
      });
      expect(made.status).toBe(403);
    }
  });
});
