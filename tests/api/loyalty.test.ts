/**
 * Loyalty on DynamoDB Local (issue 13): the programme and its checks, joining at the kiosk (a member, a loyalty
 * grant with the text's hash, the card's link by e-mail), staff lookups, stamps and redemptions with the card's
 * rotating code (once, within 3 minutes, rate limited), 20 redemptions of one reward at once, the ledger's
 * balance against a replay of it, members in results, and erasure reaching the member.
 */
import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { fromBase64Url, otpAt, otpStep } from "@sonrisa/shared/otp";
import type { LoyaltyProgram } from "@sonrisa/shared/schemas/loyalty";
import { addDays, zonedToUtc } from "@sonrisa/shared/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../functions/src/adapters/dynamo/keys.ts";
import { DEMO_PROGRAM } from "../../functions/src/local/seed-demo.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";
import { dispatch, GRACIA, MADRID, mailTo, submit, tableClient, testDeps, uniqueEmail } from "./support/follow-ups.ts";

let api: TestApi;
let admin: string;
let marketing: string;
let staff: string;
let graciaStaff: string;
let table: ReturnType<typeof tableClient>;

beforeAll(async () => {
  api = await startApi({ streams: true });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  staff = await api.staffLogin(MADRID, "2468");
  graciaStaff = await api.staffLogin(GRACIA, "2468");
  table = tableClient(api);
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid" }).format(new Date());
let phoneSeq = 611_000_000 + Math.floor(Math.random() * 100_000) * 10;
const uniquePhone = () => `+34${phoneSeq++}`;

/** A shopper joins at Madrid's kiosk with e-mail and phone; returns their card's token, from the caught mail. */
async function join(opts: { email?: string; phone?: string; lang?: "es" | "en"; at?: string } = {}) {
  const email = opts.email ?? uniqueEmail("member");
  const phone = opts.phone ?? uniquePhone();
  const answer = {
    id: randomUUID(),
    at: opts.at ?? new Date().toISOString(),
    score: 5,
    lang: opts.lang ?? "en",
    optIn: { email, phone, loyalty: { version: DEMO_PROGRAM.consent.version, granted: true } },
  };
  await submit(api, MADRID, [answer]);
  await dispatch();
  const mail = mailTo(api, email).find((m) => /\/card\//.test(m.text ?? ""));
  expect(mail, "the card's mail").toBeDefined();
  const token = /\/card\/([A-Za-z0-9_~-]+)/.exec(mail!.text ?? "")![1]!;
  const card = await api.request("GET", `/v1/cards/${token}`);
  expect(card.status, card.text).toBe(200);
  return { email, phone, token, answer, code: card.json.member.code as string, secret: card.json.secret as string };
}

async function otpNow(secret: string, shiftMs = 0) {
  return otpAt(fromBase64Url(secret), otpStep(Date.now() + shiftMs));
}

async function addStamps(code: string, n: number, token = staff) {
  for (let i = 0; i < n; i++) {
    const res = await api.request("POST", `/v1/stores/${MADRID}/stamps`, {
      token,
      body: { code, reason: "compra de un sofá", key: randomUUID() },
    });
    expect(res.status, res.text).toBe(201);
  }
}

async function coffeeStock(storeId = MADRID) {
  const res = await api.request("GET", `/v1/stores/${storeId}/stock`, { token: admin });
  return res.json.items.find((i: { item: string }) => i.item === "coffee").quantity as number;
}

describe("the programme", () => {
  it("is the demo's 5 stamps for a coffee, with a revision per change and nothing for an unchanged save", async () => {
    const before = await api.request("GET", "/v1/loyalty-program", { token: marketing });
    expect(before.status).toBe(200);
    expect(before.json.program).toEqual(DEMO_PROGRAM);
    const changed: LoyaltyProgram = { ...DEMO_PROGRAM, expiryMonths: 6 };
    const saved = await api.request("PUT", "/v1/loyalty-program", { token: marketing, body: changed });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.revisions[0]).toMatchObject({ by: "marketing@sonrisa.local", after: changed });
    expect(saved.json.revisions[0].before).toEqual(DEMO_PROGRAM);
    const again = await api.request("PUT", "/v1/loyalty-program", { token: admin, body: changed });
    expect(again.json.revisions).toHaveLength(saved.json.revisions.length);
    const back = await api.request("PUT", "/v1/loyalty-program", { token: admin, body: DEMO_PROGRAM });
    expect(back.status).toBe(200);
  });

  it("refuses tiers out of order, a reward of 0 stamps, unknown fields and a consent text changed under its version", async () => {
    const put = (body: unknown) => api.request("PUT", "/v1/loyalty-program", { token: admin, body });
    const tier = (stamps: number) => ({ stamps, gift: { name: { es: "Regalo", en: "Gift" } } });
    const outOfOrder = await put({ ...DEMO_PROGRAM, tiers: [tier(10), tier(5)] });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.json.error.details[0].path).toEqual(["tiers", 1, "stamps"]);
    expect((await put({ ...DEMO_PROGRAM, tiers: [tier(5), tier(5)] })).status).toBe(400);
    const zero = await put({ ...DEMO_PROGRAM, tiers: [tier(0)] });
    expect(zero.status).toBe(400);
    expect(zero.json.error.details[0].path).toEqual(["tiers", 0, "stamps"]);
    expect((await put({ ...DEMO_PROGRAM, points: 3 })).status).toBe(400);
    const reworded = await put({
      ...DEMO_PROGRAM,
      consent: { ...DEMO_PROGRAM.consent, text: { ...DEMO_PROGRAM.consent.text, en: "Other words" } },
    });
    expect(reworded.status).toBe(400);
    expect(reworded.json.error.details[0].path).toEqual(["consent", "version"]);
    const current = await api.request("GET", "/v1/loyalty-program", { token: admin });
    expect(current.json.program).toEqual(DEMO_PROGRAM);
  });

  it("is for admin and marketing only", async () => {
    expect((await api.request("GET", "/v1/loyalty-program", { token: staff })).status).toBe(403);
    expect((await api.request("PUT", "/v1/loyalty-program", { token: staff, body: DEMO_PROGRAM })).status).toBe(403);
  });

  it("reaches the kiosk: the joining consent and the tiers", async () => {
    const device = await api.pairDevice(MADRID);
    const config = await api.request("GET", "/v1/kiosk/config", { token: device });
    expect(config.json.loyalty).toEqual({ consent: DEMO_PROGRAM.consent, tiers: DEMO_PROGRAM.tiers });
  });
});

describe("joining at the kiosk", () => {
  it("makes one member with a loyalty grant (version and hash of the text), a stamp and the card's link by e-mail", async () => {
    const joined = await join({ lang: "es" });
    const card = await api.request("GET", `/v1/cards/${joined.token}`);
    expect(card.json.member).toMatchObject({ stamps: 1, of: 5, rewardsReady: [] });
    expect(card.json.member.history[0]).toMatchObject({ kind: "stamp", reason: "join", storeId: MADRID });
    expect(card.json).toMatchObject({ lang: "es", period: 60, digits: 6 });
    // A second delivery of the same answer adds nothing.
    await submit(api, MADRID, [joined.answer]);
    await api.streams?.drain();
    await dispatch();
    expect(mailTo(api, joined.email).filter((m) => /\/card\//.test(m.text ?? ""))).toHaveLength(1);
    const found = await api.request("GET", `/v1/contacts?q=${encodeURIComponent(joined.email)}`, { token: admin });
    const contact = found.json.contacts[0];
    expect(contact.loyalty).toMatchObject({ active: true, purposes: ["loyalty"] });
    expect(contact.consent.active).toBe(false); // joined without marketing consent
    const detail = await api.request("GET", `/v1/contacts/${contact.contactId}`, { token: admin });
    const grant = detail.json.ledger.find((r: { purposes: string[] }) => r.purposes.includes("loyalty"));
    expect(grant).toMatchObject({ version: DEMO_PROGRAM.consent.version, lang: "es", storeId: MADRID });
    expect(grant.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.json.member).toMatchObject({ code: joined.code, stamps: 1 });
  });

  it("sends no follow-up to a member who did not give marketing consent", async () => {
    const joined = await join();
    const mails = mailTo(api, joined.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/card/i);
  });

  it("refuses a forged card link", async () => {
    const joined = await join();
    const forged = `${joined.token.slice(0, -3)}AAA`;
    expect((await api.request("GET", `/v1/cards/${forged}`)).status).toBe(404);
    expect((await api.request("GET", "/v1/cards/nothing")).status).toBe(404);
  });
});

/** An answer at a kiosk that names a member by phone or code. */
function identified(member: { phone: string } | { code: string }, at = new Date().toISOString()) {
  return { id: randomUUID(), at, score: 4, lang: "es", member };
}

/** The member's stamps for visits (the joining one too) at a store, from the ledger's own items, by local date. */
async function visitStamps(code: string, storeId: string) {
  const deps = testDeps();
  const ledger = (await deps.members.ledger((await deps.members.idByCode(code))!))!;
  return ledger.stamps
    .filter((s) => (s.reason === "visit" || s.reason === "join") && s.storeId === storeId)
    .map((s) => s.localDate);
}

async function clubFigures(storeId: string, date: string) {
  const res = await api.request("GET", `/v1/stores/${storeId}/results?from=${date}&to=${date}`, { token: admin });
  expect(res.status, res.text).toBe(200);
  return res.json.members as { identified: number; returning: number; stamps: number };
}

describe("identified answers", () => {
  it("give one stamp a member, store and day: 3 kiosks of a store, 10 answers each at once", async () => {
    const joined = await join();
    const kiosks = await Promise.all([1, 2, 3].map(() => api.pairDevice(GRACIA)));
    const before = await clubFigures(GRACIA, today());

    const batches = kiosks.flatMap((kiosk, k) =>
      Array.from({ length: 10 }, (_, i) =>
        submit(api, GRACIA, [identified((k + i) % 2 ? { phone: joined.phone } : { code: joined.code })], kiosk),
      ),
    );
    const results = (await Promise.all(batches)).flatMap((b) => b.results) as Array<{
      status: string;
      member?: { status: string; stamps: number; of: number };
    }>;

    expect(results.map((r) => r.status)).toEqual(Array(30).fill("stored"));
    expect(results.filter((r) => r.member?.status === "stamped")).toHaveLength(1);
    expect(results.filter((r) => r.member?.status === "already")).toHaveLength(29);
    // The join's stamp at Madrid and this visit's: 2 of the 5 the coffee needs, whoever answered first.
    expect(results.every((r) => r.member?.stamps === 2 && r.member.of === 5)).toBe(true);
    expect(await visitStamps(joined.code, GRACIA)).toEqual([today()]);
    const after = await clubFigures(GRACIA, today());
    expect(after).toMatchObject({ identified: before.identified + 1, stamps: before.stamps + 1 });
  });

  it("give one stamp for the same answer delivered twice, and say 'stamped' both times", async () => {
    const joined = await join();
    const kiosk = await api.pairDevice(GRACIA);
    const answer = identified({ code: joined.code });

    const first = await submit(api, GRACIA, [answer], kiosk);
    const again = await Promise.all([submit(api, GRACIA, [answer], kiosk), submit(api, GRACIA, [answer], kiosk)]);

    expect(first.results[0]).toMatchObject({ status: "stored", member: { status: "stamped", stamps: 2 } });
    for (const { results } of again) {
      expect(results[0]).toMatchObject({ status: "duplicate", member: { status: "stamped", stamps: 2 } });
    }
    expect(await visitStamps(joined.code, GRACIA)).toEqual([today()]);
  });

  it("stamp an answer queued offline over midnight on the local day it was tapped, and count a returning member", async () => {
    const twoDaysAgo = addDays(today(), -2);
    const yesterday = addDays(today(), -1);
    // Joined two days ago; tapped at 23:50 yesterday in Madrid, with the kiosk offline until now.
    api.shiftClock(zonedToUtc(twoDaysAgo, 12, "Europe/Madrid").getTime() - Date.now());
    const joined = await join({ at: zonedToUtc(twoDaysAgo, 12, "Europe/Madrid").toISOString() });
    api.shiftClock(0);
    const tapped = new Date(zonedToUtc(today(), 0, "Europe/Madrid").getTime() - 10 * 60_000).toISOString();
    const before = await clubFigures(MADRID, yesterday);

    const { results } = await submit(api, MADRID, [identified({ phone: joined.phone }, tapped)]);

    expect(results[0]).toMatchObject({ status: "stored", member: { status: "stamped", stamps: 2 } });
    expect((await visitStamps(joined.code, MADRID)).sort()).toEqual([twoDaysAgo, yesterday]);
    const after = await clubFigures(MADRID, yesterday);
    expect(after).toEqual({
      ...before,
      identified: before.identified + 1,
      returning: before.returning + 1,
      stamps: before.stamps + 1,
    });
  });

  it("answer an unknown phone or code with 'unknown' and keep neither with the answer", async () => {
    const phone = uniquePhone();
    const { results } = await submit(api, GRACIA, [identified({ phone }), identified({ code: "ZZZZ9999" })]);

    expect(results.map((r) => (r as { member?: unknown }).member)).toEqual([
      { status: "unknown" },
      { status: "unknown" },
    ]);
    const text = await table.scanText();
    expect(text).not.toContain(phone.slice(3));
    expect(text).not.toContain("zzzz9999");
  });
});

describe("staff at the counter", () => {
  it("look a member up by phone or code and see stamps and rewards, nothing personal", async () => {
    const joined = await join();
    const byPhone = await api.request("GET", `/v1/stores/${MADRID}/members?phone=${encodeURIComponent(joined.phone)}`, {
      token: staff,
    });
    expect(byPhone.status, byPhone.text).toBe(200);
    expect(byPhone.json.member).toMatchObject({ code: joined.code, stamps: 1, of: 5 });
    expect(byPhone.text).not.toContain(joined.email);
    expect(byPhone.text).not.toContain(joined.phone.slice(3));
    const local = joined.phone.slice(3); // typed without the country code: the store's is added
    const byLocal = await api.request("GET", `/v1/stores/${MADRID}/members?phone=${local}`, { token: staff });
    expect(byLocal.json.member.code).toBe(joined.code);
    const byCode = await api.request("GET", `/v1/stores/${MADRID}/members?code=${joined.code.toLowerCase()}`, {
      token: staff,
    });
    expect(byCode.json.member.code).toBe(joined.code);
    const both = await api.request("GET", `/v1/stores/${MADRID}/members?phone=${local}&code=${joined.code}`, {
      token: staff,
    });
    expect(both.status).toBe(400);
  });

  it("add a stamp for a purchase once per key, and a staff token of another store gets 403", async () => {
    const joined = await join();
    const key = randomUUID();
    const body = { code: joined.code, reason: "compra de una lámpara", key };
    const first = await api.request("POST", `/v1/stores/${MADRID}/stamps`, { token: staff, body });
    expect(first.status, first.text).toBe(201);
    expect(first.json.member.stamps).toBe(2);
    const again = await api.request("POST", `/v1/stores/${MADRID}/stamps`, { token: staff, body });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ added: false, member: { stamps: 2 } });
    expect(first.json.member.history[0]).toMatchObject({ reason: "staff", note: "compra de una lámpara" });
    const elsewhere = await api.request("POST", `/v1/stores/${MADRID}/stamps`, { token: graciaStaff, body });
    expect(elsewhere.status).toBe(403);
    const redeem = await api.request("POST", `/v1/stores/${MADRID}/redemptions`, {
      token: graciaStaff,
      body: { code: joined.code, stamps: 5, otp: "123456", key: randomUUID() },
    });
    expect(redeem.status).toBe(403);
    expect((await api.request("POST", `/v1/stores/${MADRID}/stamps`, { token: admin, body })).status).toBe(403);
  });

  it("redeem a reward with the card's code: stock -1, stamps spent; the same key again is the same; twice is 409", async () => {
    const joined = await join();
    await addStamps(joined.code, 4);
    const stock = await coffeeStock();
    const key = randomUUID();
    const body = { code: joined.code, stamps: 5, otp: await otpNow(joined.secret), key };
    const res = await api.request("POST", `/v1/stores/${MADRID}/redemptions`, { token: staff, body });
    expect(res.status, res.text).toBe(200);
    expect(res.json.redemption).toMatchObject({ stamps: 5, status: "redeemed", gift: { en: "A free coffee" } });
    expect(res.json.member).toMatchObject({ stamps: 0, rewardsReady: [] });
    expect(await coffeeStock()).toBe(stock - 1);
    const retried = await api.request("POST", `/v1/stores/${MADRID}/redemptions`, { token: staff, body });
    expect(retried.status).toBe(200);
    expect(retried.json.redemption.rewardId).toBe(res.json.redemption.rewardId);
    const twice = await api.request("POST", `/v1/stores/${MADRID}/redemptions`, {
      token: staff,
      body: { ...body, key: randomUUID() },
    });
    expect(twice.status).toBe(409);
    expect(await coffeeStock()).toBe(stock - 1);
  });

  it("refuse a replayed card code and one older than 3 minutes", async () => {
    const joined = await join();
    await addStamps(joined.code, 9);
    const code = await otpNow(joined.secret);
    const redeem = (otp: string) =>
      api.request("POST", `/v1/stores/${MADRID}/redemptions`, {
        token: staff,
        body: { code: joined.code, stamps: 5, otp, key: randomUUID() },
      });
    expect((await redeem(code)).status).toBe(200);
    const replayed = await redeem(code);
    expect(replayed.status).toBe(409);
    expect(replayed.json.error.code).toBe("code_used");
    const old = await redeem(await otpNow(joined.secret, -4 * 60_000));
    expect(old.status).toBe(409);
    expect(old.json.error.code).toBe("wrong_code");
    const card = await api.request("GET", `/v1/cards/${joined.token}`);
    expect(card.json.member.stamps).toBe(5);
  });

  it("lock a client that guesses member codes", async () => {
    const from = "127.0.0.77";
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const code = `ZZ${String(i).padStart(6, "0")}`;
      statuses.push(
        (await api.request("GET", `/v1/stores/${MADRID}/members?code=${code}`, { token: staff, from })).status,
      );
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses[20]).toBe(429);
    // Other clients of the store still look members up.
    expect((await api.request("GET", `/v1/stores/${MADRID}/members?code=ZZ999999`, { token: staff })).status).toBe(404);
  });

  it("lock a member's redemptions after 5 wrong card codes", async () => {
    const joined = await join();
    await addStamps(joined.code, 4);
    const right = await otpNow(joined.secret);
    const wrong = right === "000000" ? "000001" : "000000";
    const redeem = (otp: string) =>
      api.request("POST", `/v1/stores/${MADRID}/redemptions`, {
        token: staff,
        body: { code: joined.code, stamps: 5, otp, key: randomUUID() },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await redeem(wrong)).status);
    expect(statuses).toEqual([409, 409, 409, 409, 409]);
    expect((await redeem(right)).status).toBe(429);
  });
});

describe("20 redemptions of one reward at once", () => {
  it("redeem it exactly once through the API, and take one coffee", async () => {
    const joined = await join();
    await addStamps(joined.code, 4);
    const stock = await coffeeStock();
    const otp = await otpNow(joined.secret);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request("POST", `/v1/stores/${MADRID}/redemptions`, {
          token: staff,
          from: `127.0.1.${i + 1}`,
          body: { code: joined.code, stamps: 5, otp, key: randomUUID() },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 429)).toBe(true);
    expect(await coffeeStock()).toBe(stock - 1);
  });

  it("leave exactly one redeemed when 20 redeem the same issued reward in the repository", async () => {
    const joined = await join();
    await addStamps(joined.code, 4);
    const deps = testDeps();
    const memberId = (await deps.members.idByCode(joined.code))!;
    const ledger = (await deps.members.ledger(memberId))!;
    const reward = {
      rewardId: randomUUID(),
      stamps: 5,
      gift: DEMO_PROGRAM.tiers[0]!.gift.name,
      stockItem: "coffee",
      stampIds: ledger.stamps.map((s) => s.stampId),
      status: "issued" as const,
      issuedAt: new Date().toISOString(),
      storeId: MADRID,
    };
    expect(await deps.members.issue(memberId, reward, ledger.profile.rewardsVersion)).toBe(true);
    const stock = await coffeeStock();
    const step = otpStep(Date.now());
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        deps.members.redeem(
          memberId,
          reward,
          { at: new Date().toISOString(), storeId: MADRID, by: "test", key: `k${i}`, step },
          { storeId: MADRID, date: today(), counters: { rr: 1 } },
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "redeemed")).toHaveLength(1);
    expect(await coffeeStock()).toBe(stock - 1);
    const after = (await deps.members.ledger(memberId))!;
    expect(after.rewards.filter((r) => r.status === "redeemed")).toHaveLength(1);
  });
});

describe("the stamp ledger", () => {
  it("has a balance equal to a replay of its entries in time order", async () => {
    const joined = await join();
    const deps = testDeps();
    const memberId = (await deps.members.idByCode(joined.code))!;
    // Stamps over 14 months (6-month expiry below), two rewards issued, one redeemed, one cancelled.
    const program: LoyaltyProgram = {
      ...DEMO_PROGRAM,
      expiryMonths: 6,
      tiers: [{ ...DEMO_PROGRAM.tiers[0]!, stamps: 3 }],
    };
    const base = Date.now() - 14 * 30 * 86_400_000;
    for (let i = 0; i < 14; i++) {
      const at = new Date(base + i * 30 * 86_400_000).toISOString();
      await deps.members.addStamp(
        memberId,
        { reason: "staff", key: randomUUID(), storeId: MADRID, localDate: at.slice(0, 10), at },
        { storeId: MADRID, date: at.slice(0, 10), counters: {} },
      );
    }
    const { memberView, pickStamps } = await import("../../functions/src/domain/stamp-ledger.ts");
    for (const [i, status] of (["redeemed", "cancelled"] as const).entries()) {
      const ledger = (await deps.members.ledger(memberId))!;
      const at = new Date(base + (8 + i) * 30 * 86_400_000);
      const reward = {
        rewardId: `replay-${i}-${randomUUID()}`,
        stamps: 3,
        gift: program.tiers[0]!.gift.name,
        stampIds: pickStamps(ledger, program, at, 3)!,
        status: "issued" as const,
        issuedAt: at.toISOString(),
        storeId: MADRID,
      };
      expect(await deps.members.issue(memberId, reward, ledger.profile.rewardsVersion)).toBe(true);
      if (status === "redeemed") {
        await deps.members.redeem(
          memberId,
          reward,
          { at: at.toISOString(), storeId: MADRID, by: "test", key: randomUUID(), step: i + 1 },
          { storeId: MADRID, date: today(), counters: {} },
        );
      } else {
        const now = (await deps.members.ledger(memberId))!;
        expect(await deps.members.cancel(memberId, reward.rewardId, at.toISOString(), now.profile.rewardsVersion)).toBe(
          true,
        );
      }
    }
    const ledger = (await deps.members.ledger(memberId))!;
    const now = new Date();
    // The replay: walk the entries in time order, keeping a queue of live stamps; a redeemed reward takes its
    // stamps out; each stamp leaves when it expires.
    const sixMonths = (iso: string) => {
      const d = new Date(iso);
      d.setUTCMonth(d.getUTCMonth() + 6);
      return d.toISOString();
    };
    const spent = new Set(ledger.rewards.filter((r) => r.status !== "cancelled").flatMap((r) => r.stampIds));
    let balance = 0;
    for (const stamp of [...ledger.stamps].sort((a, b) => a.at.localeCompare(b.at))) {
      if (!spent.has(stamp.stampId) && sixMonths(stamp.at) > now.toISOString()) balance++;
    }
    expect(memberView(ledger, program, now).stamps).toBe(balance);
    expect(balance).toBeGreaterThan(0);
  });
});

describe("members in results and erasure", () => {
  it("count joins, stamps and redemptions on the store's day", async () => {
    const d = today();
    const before = await api.request("GET", `/v1/stores/${MADRID}/results?from=${d}&to=${d}`, { token: admin });
    const joined = await join();
    await addStamps(joined.code, 4);
    await api.request("POST", `/v1/stores/${MADRID}/redemptions`, {
      token: staff,
      body: { code: joined.code, stamps: 5, otp: await otpNow(joined.secret), key: randomUUID() },
    });
    const after = await api.request("GET", `/v1/stores/${MADRID}/results?from=${d}&to=${d}`, { token: admin });
    const b = before.json.members;
    expect(after.json.members).toEqual({ ...b, joined: b.joined + 1, stamps: b.stamps + 5, redeemed: b.redeemed + 1 });
  });

  it("erasing the contact ends the card and the member code, and leaves no phone or e-mail in the table", async () => {
    const joined = await join();
    const found = await api.request("GET", `/v1/contacts?q=${encodeURIComponent(joined.email)}`, { token: admin });
    const contactId = found.json.contacts[0].contactId;
    expect((await api.request("DELETE", `/v1/contacts/${contactId}`, { token: admin })).status).toBe(200);
    expect((await api.request("GET", `/v1/cards/${joined.token}`)).status).toBe(404);
    const lookup = await api.request("GET", `/v1/stores/${MADRID}/members?code=${joined.code}`, { token: staff });
    expect(lookup.status).toBe(404);
    const text = await table.scanText();
    expect(text).not.toContain(joined.email.toLowerCase());
    expect(text).not.toContain(joined.phone.slice(3));
    const memberId = (
      await table.doc.send(new GetCommand({ TableName: api.tableName, Key: keys.memberCode(joined.code) }))
    ).Item;
    expect(memberId).toBeUndefined();
  });
});
