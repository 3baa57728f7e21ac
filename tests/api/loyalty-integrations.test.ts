/**
 * Loyalty through the integrations on DynamoDB Local (issue 14 with issue 13): a member's purchase posted by a
 * point of sale earns one stamp however often it is retried, and none while the programme is off or says
 * purchases earn nothing; a redeemed reward reaches an endpoint subscribed to `reward.redeemed` exactly once,
 * signed, in its schema's shape, with the member's id and nothing that names the person.
 */
import { randomUUID } from "node:crypto";
import { fromBase64Url, otpAt, otpStep } from "@sonrisa/shared/otp";
import type { LoyaltyProgram } from "@sonrisa/shared/schemas/loyalty";
import { WEBHOOK_DATA } from "@sonrisa/shared/schemas/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeJob as makeWebhookJob } from "../../functions/src/jobs/dispatch-webhooks.ts";
import { DEMO_PROGRAM } from "../../functions/src/local/seed-demo.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";
import { fixedClock, MADRID, submit, testDeps, uniqueEmail } from "./support/follow-ups.ts";
import { type Receiver, startReceiver } from "./support/webhook-receiver.ts";

let api: TestApi;
let admin: string;
let marketing: string;
let staff: string;
let posKey: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  api = await startApi({ streams: true });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  staff = await api.staffLogin(MADRID, "2468");
  const key = await api.request("POST", "/v1/integration-keys", {
    token: admin,
    body: { name: "TPV Madrid", stores: [MADRID], permissions: ["purchases:write"] },
  });
  expect(key.status, key.text).toBe(201);
  posKey = key.json.secret;
});
afterAll(async () => {
  for (const r of receivers) await r.stop();
  await api?.stop();
});

let phoneSeq = 622_000_000 + Math.floor(Math.random() * 100_000) * 10;

/** A shopper joins at Madrid's kiosk; returns what the point of sale and the card know of the member. */
async function join() {
  const email = uniqueEmail("buyer");
  const phone = `+34${phoneSeq++}`;
  const answer = {
    id: randomUUID(),
    at: new Date().toISOString(),
    score: 5,
    lang: "en",
    optIn: { email, phone, loyalty: { version: DEMO_PROGRAM.consent.version, granted: true } },
  };
  await submit(api, MADRID, [answer]);
  const deps = testDeps();
  const contactId = await deps.contacts.byIdentity({ kind: "email", value: email });
  const memberId = contactId ? (await deps.contacts.get(contactId))?.memberId : undefined;
  const ledger = memberId ? await deps.members.ledger(memberId) : undefined;
  expect(ledger, "the member made by the joining answer").toBeDefined();
  return { email, phone, memberId: memberId!, code: ledger!.profile.code, secret: ledger!.profile.secret };
}

/** The member's stamps by reason, read from the ledger. */
async function stampsOf(memberId: string) {
  const ledger = await testDeps().members.ledger(memberId);
  const stamps = ledger?.stamps ?? [];
  return { purchase: stamps.filter((s) => s.reason === "purchase").length, all: stamps.length };
}

function purchase(member: Record<string, string>) {
  return {
    externalId: `T-${randomUUID().slice(0, 8)}`,
    storeId: MADRID,
    at: new Date(Date.now() - 60_000).toISOString(),
    amount: 2590,
    currency: "EUR",
    member,
  };
}

const post = (body: unknown) => api.request("POST", "/v1/purchases", { token: posKey, body });

async function useProgram(program: LoyaltyProgram) {
  const res = await api.request("PUT", "/v1/loyalty-program", { token: marketing, body: program });
  expect(res.status, res.text).toBe(200);
}

describe("a member's purchase", () => {
  it("earns one stamp, posted twice: the same stamp in both answers", async () => {
    const member = await join();
    const body = purchase({ code: member.code });

    const first = await post(body);
    const again = await post(body);

    expect(first.status, first.text).toBe(201);
    expect(again.status, again.text).toBe(201);
    expect(first.json.purchase.identified).toBe("member");
    expect(first.json.purchase.stamp).toMatchObject({ memberId: member.memberId, stampId: expect.any(String) });
    expect(again.json.purchase.stamp).toEqual(first.json.purchase.stamp);
    expect(await stampsOf(member.memberId)).toEqual({ purchase: 1, all: 2 }); // the joining stamp and this one
  });

  it("earns one stamp when the same purchase is posted 5 times at once", async () => {
    const member = await join();
    const body = purchase({ phone: member.phone.replace("+34", "") });

    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body)));

    for (const res of answers) expect(res.status, res.text).toBe(201);
    const stamps = new Set(answers.map((r) => JSON.stringify(r.json.purchase.stamp)));
    expect(stamps.size).toBe(1);
    expect(answers[0]!.json.purchase.stamp.memberId).toBe(member.memberId);
    expect(await stampsOf(member.memberId)).toEqual({ purchase: 1, all: 2 });
  });

  it("earns nothing while the programme is off, or says purchases earn no stamp", async () => {
    const member = await join();
    try {
      await useProgram({ ...DEMO_PROGRAM, enabled: false });
      const off = await post(purchase({ code: member.code }));
      await useProgram({ ...DEMO_PROGRAM, purchaseEarnsStamp: false });
      const noStamps = await post(purchase({ code: member.code }));

      for (const res of [off, noStamps]) {
        expect(res.status, res.text).toBe(201);
        expect(res.json.purchase).toMatchObject({ identified: "member", stamp: null });
      }
      expect(await stampsOf(member.memberId)).toEqual({ purchase: 0, all: 1 });
    } finally {
      await useProgram(DEMO_PROGRAM);
    }
  });
});

describe("a redeemed reward", () => {
  it("reaches a reward.redeemed endpoint exactly once, signed, with the member's id and nothing personal", async () => {
    const secrets: string[] = [];
    const receiver = await startReceiver(() => secrets);
    receivers.push(receiver);
    const endpoint = await api.request("POST", "/v1/webhook-endpoints", {
      token: admin,
      body: { url: receiver.url, events: ["reward.redeemed"], description: "loyalty receiver" },
    });
    expect(endpoint.status, endpoint.text).toBe(201);
    secrets.push(endpoint.json.secret);
    const member = await join();
    for (let i = 0; i < 4; i++)
      expect((await post(purchase({ code: member.code }))).json.purchase.stamp).not.toBeNull();

    const otp = await otpAt(fromBase64Url(member.secret), otpStep(Date.now()));
    const body = { code: member.code, stamps: 5, otp, key: randomUUID() };
    const redeemed = await api.request("POST", `/v1/stores/${MADRID}/redemptions`, { token: staff, body });
    expect(redeemed.status, redeemed.text).toBe(200);
    await api.streams!.drain();
    // The same redemption retried answers the same and emits nothing new.
    const retried = await api.request("POST", `/v1/stores/${MADRID}/redemptions`, { token: staff, body });
    expect(retried.status, retried.text).toBe(200);
    await api.streams!.drain();
    const dispatch = makeWebhookJob(testDeps(fixedClock(new Date())));
    await dispatch();
    await dispatch();

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.status, "the signature verifies").toBe(200);
    expect(delivery!.payload.type).toBe("reward.redeemed");
    const data = WEBHOOK_DATA["reward.redeemed"].parse(delivery!.payload.data);
    expect(data).toMatchObject({
      rewardId: redeemed.json.redemption.rewardId,
      memberId: member.memberId,
      storeId: MADRID,
      reward: { id: "tier-5", name: DEMO_PROGRAM.tiers[0]!.gift.name },
      redeemedAt: redeemed.json.redemption.redeemedAt,
    });
    for (const personal of [member.email, member.phone, member.code, member.secret]) {
      expect(delivery!.body).not.toContain(personal);
    }
  });
});
