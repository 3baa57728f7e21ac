/**
 * Loyalty in the effect report on DynamoDB Local (issue 14 with issue 13): a contact exposed to a surprise rule
 * who joins the programme later counts as "joined afterwards"; a member exposed at the kiosk who comes back days
 * later and identifies with the card's code (no opt-in of the answer's own) is a return visit, counted once
 * however often the stream delivers the answer. Time moves on the handlers' clock, nothing is waited for.
 */
import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keys } from "../../functions/src/adapters/dynamo/keys.ts";
import { inHoldout } from "../../functions/src/domain/surprises.ts";
import { makeConsumer } from "../../functions/src/events/process-table-stream.ts";
import { DEMO_PROGRAM } from "../../functions/src/local/seed-demo.ts";
import { realDeps } from "../../functions/src/wiring.ts";
import { startApi, type TestApi } from "./harness.ts";
import { fixedClock, GRACIA, MADRID, submit, tableClient, testDeps, uniqueEmail } from "./support/follow-ups.ts";

const DAY_MS = 86_400_000;
/** Noon in Madrid on a fixed day: the exposures' day. */
const CLOCK_AT = "2026-03-02T11:00:00Z";
const CONSENT = { version: "2026-11", granted: true };
const LOYALTY = { version: DEMO_PROGRAM.consent.version, granted: true };

let api: TestApi;
let marketing: string;
let table: ReturnType<typeof tableClient>;

/** A surprise rule for one store's happy answers, opted in or not, with half held out. */
const ruleFor = (id: string, store: string): SurpriseRule => ({
  id,
  name: `Rule ${id}`,
  enabled: true,
  stores: [store],
  minScore: 4,
  maxScore: 5,
  requireOptIn: false,
  requireMember: false,
  probability: 1,
  dailyBudget: 100_000,
  holdoutPercent: 50,
  gift: { name: { es: "Un café", en: "A coffee" } },
});
const joinRule = ruleFor("join-later", GRACIA);
const returnRule = ruleFor("member-returns", MADRID);

beforeAll(async () => {
  api = await startApi({ streams: true, clockAt: CLOCK_AT });
  table = tableClient(api);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
  const rules = await api.request("PUT", "/v1/surprise-rules", {
    token: marketing,
    body: { rules: [joinRule, returnRule] },
  });
  expect(rules.status, rules.text).toBe(200);
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

/** Moves the handlers' clock object (the kiosk's route keeps its own copy of the deps) to `days` after CLOCK_AT. */
async function at(days: number) {
  const offset = Date.parse(CLOCK_AT) + days * DAY_MS - Date.now();
  (realDeps().clock as { now: () => Date }).now = () => new Date(Date.now() + offset);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
}

/** An answer id drawn into the treatment group of a 50 % holdout. */
function treatedId(): string {
  for (;;) {
    const id = randomUUID();
    if (!inHoldout(id, 50)) return id;
  }
}

/** A happy answer tapped a minute ago on the handlers' clock. */
const answer = (over: Record<string, unknown>) => ({
  id: randomUUID(),
  at: new Date(realDeps().clock.now().getTime() - 60_000).toISOString(),
  score: 5,
  lang: "es",
  ...over,
});

async function revisionOf(rule: SurpriseRule) {
  const res = await api.request("GET", `/v1/campaigns/effect?rule=${rule.id}&from=2026-02-01&to=2026-05-31`, {
    token: marketing,
  });
  expect(res.status, res.text).toBe(200);
  expect(res.json.revisions).toHaveLength(1);
  return res.json.revisions[0];
}

/** The member code of the contact behind an e-mail, read through the repositories. */
async function memberCodeOf(email: string): Promise<string> {
  const deps = testDeps();
  const contactId = await deps.contacts.byIdentity({ kind: "email", value: email });
  const memberId = contactId ? (await deps.contacts.get(contactId))?.memberId : undefined;
  const ledger = memberId ? await deps.members.ledger(memberId) : undefined;
  expect(ledger, "the member made by the joining answer").toBeDefined();
  return ledger!.profile.code;
}

/** The stream's INSERT record of a stored answer, as DynamoDB would deliver it again. */
async function insertRecordOf(answerId: string): Promise<DynamoDBStreamEvent> {
  const item = (await table.doc.send(new GetCommand({ TableName: api.tableName, Key: keys.response(answerId) }))).Item;
  expect(item).toBeDefined();
  return {
    Records: [
      {
        eventID: `replay-${answerId}`,
        eventName: "INSERT",
        dynamodb: { NewImage: marshall(item!, { removeUndefinedValues: true }) as never, SequenceNumber: "1" },
      },
    ],
  };
}

describe("joining the programme after an exposure", () => {
  it("counts in the exposed group's 'joined afterwards'", async () => {
    await at(0);
    const email = uniqueEmail("joins-later");
    await submit(api, GRACIA, [answer({ id: treatedId(), optIn: { email, consent: CONSENT } })]);
    const exposed = await revisionOf(joinRule);
    expect(exposed.exposed).toEqual({ treatment: 1, holdout: 0 });
    expect(exposed.joined).toMatchObject({ treatment: 0, holdout: 0 });

    await at(3);
    await submit(api, GRACIA, [answer({ optIn: { email, loyalty: LOYALTY } })]);
    await memberCodeOf(email); // the member exists
    const joined = await revisionOf(joinRule);
    expect(joined.exposed).toEqual({ treatment: 1, holdout: 0 });
    expect(joined.joined).toMatchObject({ treatment: 1, holdout: 0 });
  });
});

describe("a member identified at the kiosk", () => {
  it("is a return visit of its exposure, counted once when the stream delivers the answer again", async () => {
    await at(0);
    const email = uniqueEmail("member-returns");
    await submit(api, MADRID, [answer({ id: treatedId(), optIn: { email, consent: CONSENT, loyalty: LOYALTY } })]);
    const code = await memberCodeOf(email);
    const before = await revisionOf(returnRule);
    expect(before.exposed).toEqual({ treatment: 1, holdout: 0 });
    expect(before.nextScore.treatment).toEqual({ count: 0, mean: null });

    await at(4);
    const visit = answer({ score: 4, member: { code } });
    const { results } = await submit(api, MADRID, [visit]);
    expect(results[0]!.status).toBe("stored");
    const after = await revisionOf(returnRule);
    expect(after.nextScore.treatment).toEqual({ count: 1, mean: 4 });
    // The member's answer exposed nobody again: one person per rule revision.
    expect(after.exposed).toEqual({ treatment: 1, holdout: 0 });

    // The same record again (Lambda delivers at least once): nothing more is counted.
    const consumer = makeConsumer(testDeps(fixedClock(realDeps().clock.now())));
    const replay = await consumer(await insertRecordOf(visit.id));
    expect(replay.batchItemFailures).toEqual([]);

    await at(12); // the 7-day window of the exposure day has closed
    const matured = await revisionOf(returnRule);
    expect(matured.nextScore.treatment).toEqual({ count: 1, mean: 4 });
    const week = matured.windows.find((w: { days: number }) => w.days === 7);
    expect(week.treatment).toEqual({ exposed: 1, returned: 1 });
    expect(week.holdout).toEqual({ exposed: 0, returned: 0 });
  });
});
