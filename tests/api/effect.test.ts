/**
 * The effect report on DynamoDB Local (issue 14): a surprise rule with a 50 % holdout exposes identified
 * people (opted-in answers, through the real stream consumer); days later, on the handlers' clock, only the
 * treatment group comes back; two months on, GET /v1/campaigns/effect shows a positive difference whose
 * interval excludes 0, the gift cost per extra return from the stock item's unit cost, and nothing for a
 * window that has not closed.
 */
import { createHash, randomUUID } from "node:crypto";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEffectCounters, creditCounters, exposureCounters } from "../../functions/src/domain/effect-counters.ts";
import { creditAndExpose, creditOutcomes, exposureOf } from "../../functions/src/domain/effects.ts";
import type { EffectRepository } from "../../functions/src/domain/ports/effect-repository.ts";
import { realDeps } from "../../functions/src/wiring.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const MADRID = "madrid-centro";
const DAY_MS = 86_400_000;
/** Noon in Madrid on a fixed day: the exposures' day. */
const CLOCK_AT = "2026-03-02T11:00:00Z";
const GAP_MS = 6_000; // more than the stores' 5 s misuse interval
const PEOPLE = 60;

let api: TestApi;
let marketing: string;
let admin: string;

const rule: SurpriseRule = {
  id: "effect-coffee",
  name: "Effect coffee",
  enabled: true,
  stores: [MADRID],
  minScore: 4,
  maxScore: 5,
  requireOptIn: true,
  requireMember: false,
  probability: 1,
  dailyBudget: 100_000,
  holdoutPercent: 50,
  gift: { name: { es: "Un café", en: "A coffee" }, stockItem: "coffee" },
};

beforeAll(async () => {
  api = await startApi({ streams: true, clockAt: CLOCK_AT });
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  const rules = await api.request("PUT", "/v1/surprise-rules", { token: marketing, body: { rules: [rule] } });
  expect(rules.status, rules.text).toBe(200);
  const stock = await api.request("PUT", `/v1/stores/${MADRID}/stock`, {
    token: admin,
    body: { items: [{ item: "coffee", name: "Café / Coffee", quantity: 500, lowAt: 10, unitCost: 2.5 }] },
  });
  expect(stock.status, stock.text).toBe(200);
  expect(stock.json.items.find((i: { item: string }) => i.item === "coffee").unitCost).toBe(2.5);
});
afterAll(async () => {
  await api?.stop();
});

/**
 * Moves the handlers' clock to `days` after CLOCK_AT. The clock object itself is moved (the kiosk's route
 * keeps its own copy of the dependencies, made on its first call, so replacing `realDeps().clock` would not
 * reach it).
 */
async function at(days: number) {
  const offset = Date.parse(CLOCK_AT) + days * DAY_MS - Date.now();
  (realDeps().clock as { now: () => Date }).now = () => new Date(Date.now() + offset);
  // Tokens are signed and checked on the same clock: the old ones look expired two months on.
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
}

/** One opted-in, happy answer per person from one kiosk, each alone in its batch with its shopper present. */
async function visit(emails: string[]): Promise<string[]> {
  const token = await api.pairDevice(MADRID);
  const start = realDeps().clock.now().getTime(); // the handlers' clock, as `at` moved it
  const ids: string[] = [];
  for (const [n, email] of emails.entries()) {
    const id = randomUUID();
    const answer = {
      id,
      at: new Date(start - GAP_MS * (emails.length - n)).toISOString(),
      score: 5,
      lang: "es",
      optIn: { email, consent: { version: "2026-11", granted: true } },
    };
    const res = await api.request("POST", "/v1/responses", { token, body: { responses: [answer], present: id } });
    expect(res.status, res.text).toBe(200);
    expect(res.json.results[0].status, res.text).toBe("stored");
    ids.push(id);
  }
  await api.streams?.drain();
  return ids;
}

async function report(query: string) {
  return api.request("GET", `/v1/campaigns/effect?${query}`, { token: marketing });
}

describe("the effect report", () => {
  const emails = Array.from({ length: PEOPLE }, (_, i) => `effect.${i}.${randomUUID().slice(0, 6)}@example.com`);
  let treated: string[] = [];
  let heldOut: string[] = [];

  it("exposes each identified person to the group their answer was drawn into", async () => {
    await at(0);
    const ids = await visit(emails);
    treated = emails.filter((_, i) => !heldOutAt(ids[i]!, 50));
    heldOut = emails.filter((_, i) => heldOutAt(ids[i]!, 50));
    expect(treated.length).toBeGreaterThanOrEqual(10);
    expect(heldOut.length).toBeGreaterThanOrEqual(10);

    const res = await report(`rule=${rule.id}&from=2026-03-01&to=2026-03-03`);
    expect(res.status, res.text).toBe(200);
    const [revision] = res.json.revisions;
    expect(res.json.revisions).toHaveLength(1);
    expect(revision.exposed).toEqual({ treatment: treated.length, holdout: heldOut.length });
    expect(revision.won).toBe(treated.length);
    // No window has closed on the exposure day: nothing is claimed yet.
    expect(revision.windows.map((w: { verdict: string }) => w.verdict)).toEqual(["not-yet", "not-yet", "not-yet"]);
  });

  it("shows a positive difference whose interval excludes 0 when only the treatment group comes back", async () => {
    await at(5);
    await visit(treated);
    await at(62);
    const res = await report(`rule=${rule.id}&from=2026-02-01&to=2026-05-03`);
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ ruleId: rule.id, kind: "surprise", name: rule.name, asOf: "2026-05-03" });
    const [revision] = res.json.revisions;
    for (const w of revision.windows) {
      expect(w.maturedThrough).toBe("2026-03-02");
      expect(w.treatment).toEqual({ exposed: treated.length, returned: treated.length });
      expect(w.holdout).toEqual({ exposed: heldOut.length, returned: 0 });
      expect(w.verdict).toBe("up");
      expect(w.difference.estimate).toBe(1);
      expect(w.difference.low).toBeGreaterThan(0);
      // Every treated person won a coffee at 2.50 and every one came back: one gift per extra return.
      expect(w.giftsPerExtraReturn).toBeCloseTo(1, 9);
      expect(w.costPerExtraReturn).toBeCloseTo(2.5, 9);
      expect(w.series.at(-1)).toMatchObject({ date: "2026-03-02", estimate: 1 });
    }
    expect(revision.nextScore.treatment).toEqual({ count: treated.length, mean: 5 });
    expect(revision.nextScore.holdout).toEqual({ count: 0, mean: null });
  });

  it("counts a person once per rule revision: the return visits exposed nobody again", async () => {
    const res = await report(`rule=${rule.id}&from=2026-02-01&to=2026-05-03`);
    expect(res.json.revisions[0].exposed).toEqual({ treatment: treated.length, holdout: heldOut.length });
  });

  it("reports a changed rule as a new revision, apart from the old one", async () => {
    const changed = { ...rule, minScore: 3 };
    const put = await api.request("PUT", "/v1/surprise-rules", { token: marketing, body: { rules: [changed] } });
    expect(put.status, put.text).toBe(200);
    await visit(emails.slice(0, 4));
    const res = await report(`rule=${rule.id}&from=2026-02-01&to=2026-05-03`);
    expect(res.json.revisions).toHaveLength(2);
    const [newest, old] = res.json.revisions;
    expect(newest.firstDate).toBe("2026-05-03");
    expect(newest.exposed.treatment + newest.exposed.holdout).toBe(4);
    expect(newest.windows[0].verdict).toBe("not-yet");
    expect(old.exposed).toEqual({ treatment: treated.length, holdout: heldOut.length });
  });

  it("refuses an unknown rule, a bad range and unknown parameters, and anyone but admin and marketing", async () => {
    expect((await report("rule=no-such-rule")).status).toBe(404);
    expect((await report(`rule=${rule.id}&from=2026-05-01&to=2026-04-01`)).status).toBe(400);
    expect((await report(`rule=${rule.id}&from=2024-01-01&to=2026-04-01`)).status).toBe(400);
    expect((await report(`rule=${rule.id}&store=x`)).status).toBe(400);
    expect((await report("rule=Not A Slug")).status).toBe(400);
    const staff = await api.staffLogin(MADRID, "2468");
    const res = await api.request("GET", `/v1/campaigns/effect?rule=${rule.id}`, { token: staff });
    expect(res.status).toBe(403);
  });
});

describe("outcomes as the stream delivers them", () => {
  // The consumer handles a batch's records side by side but one person's in order (events/in-order-per-key.ts).
  it("credits a person's second visit to the first even when both come in one batch among others", async () => {
    // The rule as it began (a test above lowered its score), so the first visit is the person's first exposure.
    const put = await api.request("PUT", "/v1/surprise-rules", { token: marketing, body: { rules: [rule] } });
    expect(put.status, put.text).toBe(200);
    const token = await api.pairDevice(MADRID);
    const start = realDeps().clock.now().getTime();
    const same = `same.${randomUUID().slice(0, 6)}@example.com`;
    const others = Array.from({ length: 6 }, (_, i) => `other.${i}.${randomUUID().slice(0, 6)}@example.com`);
    // The person's two visits with others' between them, all in one batch: the stream hands them over together.
    const emails = [same, ...others.slice(0, 3), same, ...others.slice(3)];
    const responses = emails.map((email, n) => ({
      id: randomUUID(),
      at: new Date(start - GAP_MS * (emails.length - n)).toISOString(),
      score: 5,
      lang: "es",
      optIn: { email, consent: { version: "2026-11", granted: true } },
    }));
    // Known already (an earlier answer that no rule took), so neither visit waits to make the contact.
    const known = {
      id: randomUUID(),
      at: new Date(start - GAP_MS * (emails.length + 1)).toISOString(),
      score: 3,
      lang: "es",
      optIn: { email: same, consent: { version: "2026-11", granted: true } },
    };
    expect((await api.request("POST", "/v1/responses", { token, body: { responses: [known] } })).status).toBe(200);
    await api.streams?.drain();
    const res = await api.request("POST", "/v1/responses", { token, body: { responses } });
    expect(res.status, res.text).toBe(200);
    await api.streams?.drain();
    const deps = realDeps();
    const contactId = await deps.contacts.byIdentity({ kind: "email", value: same });
    expect(contactId).toBeDefined();
    const first = responses[0]!;
    const second = responses[4]!;
    const exposures = await deps.effects.exposuresOf(contactId!, first.at, new Date(start).toISOString());
    const surprise = exposures.find((e) => e.ruleId === rule.id);
    expect(surprise?.answerId).toBe(first.id);
    expect(surprise?.events).toEqual([second.id]);
    expect(surprise?.returned.sort((a, b) => a - b)).toEqual([7, 30, 60]);
  });

  it("writes an event's credits and exposures at once, and one by one when another credit got in first", async () => {
    const deps = realDeps();
    const effects = deps.effects;
    const person = `race-${randomUUID()}`;
    const ruleId = `race-rule-${randomUUID().slice(0, 6)}`;
    const t0 = Date.parse("2026-06-01T10:00:00Z");
    const day = (n: number) => new Date(t0 + n * DAY_MS).toISOString();
    const x0 = exposureOf(
      person,
      { id: "race-a0", storeId: MADRID, at: day(0) },
      {
        kind: "surprise",
        ruleId,
        revision: "r1",
        group: "treatment",
        won: true,
      },
    );
    expect(await effects.expose(x0, exposureCounters(x0))).toBe(true);
    const calls = { together: 0, alone: 0 };
    const counting: EffectRepository = {
      ...effects,
      creditAndExpose: (c, e) => {
        calls.together++;
        return effects.creditAndExpose(c, e);
      },
      credit: (a, c) => {
        calls.alone++;
        return effects.credit(a, c);
      },
    };
    // A visit the next day: its credit of the first exposure and its own exposure under another rule, in one write
    const followUpRule = `${ruleId}-follow`;
    const one = await creditAndExpose(
      { effects: counting },
      person,
      { kind: "answer", id: "race-a1", at: day(1), score: 5 },
      async () => [
        exposureOf(
          person,
          { id: "race-a1", storeId: MADRID, at: day(1) },
          { kind: "follow-up", ruleId: followUpRule, revision: "f1", group: "holdout" },
        ),
      ],
    );
    expect(one.changed).toBe(1);
    expect(calls).toEqual({ together: 1, alone: 0 });
    // A visit on day 3 whose read is overtaken by a purchase's credit of both exposures
    const racing: EffectRepository = {
      ...counting,
      exposuresOf: async (...args) => {
        const open = await effects.exposuresOf(...args);
        await creditOutcomes({ effects }, person, { kind: "purchase", id: "race-p1", at: day(2), amount: 1000 });
        return open;
      },
    };
    const three = await creditAndExpose({ effects: racing }, person, {
      kind: "answer",
      id: "race-a2",
      at: day(3),
      score: 4,
    });
    expect(three.changed).toBe(2);
    expect(calls.together).toBe(2);
    expect(calls.alone).toBeGreaterThanOrEqual(2);
    const [first, second] = await effects.exposuresOf(person, day(-1), day(4));
    expect(first?.events).toEqual(["race-a1", "race-p1", "race-a2"]);
    expect(second?.events).toEqual(["race-p1", "race-a2"]);
    // The day counters hold exactly what the exposure holds: its making and every credit, none twice or lost.
    const counted = (await effects.days(ruleId, day(0).slice(0, 10), day(0).slice(0, 10)))[0]?.counters;
    expect(counted).toEqual(addEffectCounters({ ...exposureCounters(x0) }, creditCounters(x0, first!)));
  });
});

/**
 * Whether an answer is in the holdout, computed here as docs/api.md writes the rule (an oracle apart from the
 * product's own function): the first 4 bytes of SHA-256("holdout:<id>") as a fraction of 2^32, below the share.
 */
function heldOutAt(id: string, percent: number): boolean {
  return (createHash("sha256").update(`holdout:${id}`).digest().readUInt32BE(0) / 2 ** 32) * 100 < percent;
}
