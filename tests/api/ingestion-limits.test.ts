/**
 * Ingestion at its limits (issue 11): the burst check when one kiosk's batches race, batches that would pass
 * DynamoDB's 100 actions per transaction, and answers that sat in a drawer for months. The handlers run on a
 * clock at noon in Madrid.
 */
import { randomUUID } from "node:crypto";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAnswerWriter } from "../../functions/src/adapters/dynamo/answer-writer.ts";
import { makeDocumentClient, type Table } from "../../functions/src/adapters/dynamo/client.ts";
import { makeResultsRepository } from "../../functions/src/adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../../functions/src/adapters/dynamo/store-repository.ts";
import { answerCounters } from "../../functions/src/domain/day-aggregate.ts";
import type { PlannedAnswer } from "../../functions/src/domain/ports/answer-writer.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const CLOCK_AT = "2026-06-17T10:00:00Z";
let api: TestApi;
let admin: string;
let table: Table;

beforeAll(async () => {
  api = await startApi({ clockAt: CLOCK_AT });
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }), name: api.tableName };
});
afterAll(async () => {
  table?.doc.destroy();
  await api?.stop();
});

const useRules = async (rules: SurpriseRule[]) =>
  expect((await api.request("PUT", "/v1/surprise-rules", { token: admin, body: { rules } })).status).toBe(200);

async function total(
  storeId: string,
  from: string,
  to: string,
  misuse = true,
): Promise<{ total: number; misuse: number }> {
  const res = await api.request("GET", `/v1/stores/${storeId}/results?from=${from}&to=${to}&includeMisuse=${misuse}`, {
    token: admin,
  });
  return res.json;
}

describe("the burst check", () => {
  it("flags one of two taps 2 s apart even when their batches reach the server at the same moment", async () => {
    await useRules([]);
    const devices = await Promise.all(Array.from({ length: 10 }, () => api.pairDevice("mexico-roma")));
    const base = api.now().getTime() - 3_600_000;

    const pairs = devices.map((token, d) => {
      const at = (s: number) => new Date(base + d * 60_000 + s * 1000).toISOString();
      const send = (s: number) =>
        api.request("POST", "/v1/responses", {
          token,
          body: { responses: [{ id: randomUUID(), at: at(s), score: 4 }] },
        });
      return Promise.all([send(0), send(2)]);
    });
    const replies = (await Promise.all(pairs)).flat();

    expect(replies.map((r) => r.json.results[0].status)).toEqual(Array(20).fill("stored"));
    const day = "2026-06-17";
    const counted = await total("mexico-roma", day, day);
    expect(counted.misuse).toBe(10);
    expect(counted.total).toBe(20);
  }, 60_000);
});

/** 20 rules, each for one kind of answer (score × opt-in × member), each with its own stock item. */
function twentyRules(): SurpriseRule[] {
  const rules: SurpriseRule[] = [];
  for (const [optIn, member] of [
    [true, true],
    [true, false],
    [false, true],
    [false, false],
  ] as const) {
    for (let score = 1; score <= 5; score++) {
      const id = `r-${score}-${optIn ? "o" : "x"}-${member ? "m" : "x"}`;
      rules.push({
        id,
        name: id,
        enabled: true,
        stores: ["barcelona-gracia"],
        minScore: score,
        maxScore: score,
        requireOptIn: optIn,
        requireMember: member,
        everyNth: 1,
        dailyBudget: 1000,
        holdoutPercent: 0,
        gift: { name: { es: "Regalo", en: "Gift" }, stockItem: `${id}-item` },
      });
    }
  }
  return rules;
}

describe("batches against DynamoDB's 100 actions per transaction", () => {
  it("stores a batch of 100 answers of 20 rules and 25 days, with a winner, in full", async () => {
    const rules = twentyRules();
    await useRules(rules);
    const items = rules.map((r) => ({ item: r.gift.stockItem!, name: "Regalo", quantity: 100, lowAt: 0 }));
    const staff = await api.staffLogin("barcelona-gracia", "2468");
    expect(
      (await api.request("PUT", "/v1/stores/barcelona-gracia/stock", { token: staff, body: { items } })).status,
    ).toBe(200);
    const device = await api.pairDevice("barcelona-gracia");
    const now = api.now().getTime();
    const optIn = { email: "ana@example.com", consent: { version: "2026-11", granted: true } };
    const answers = Array.from({ length: 100 }, (_, i) => ({
      id: randomUUID(),
      at: new Date(now - (i % 25) * 86_400_000 - Math.floor(i / 25) * 60_000).toISOString(),
      score: (i % 5) + 1,
      ...(i % 20 < 10 ? { optIn } : {}),
      ...(i % 10 < 5 ? { member: { code: "SOCIO42" } } : {}),
    }));

    const res = await api.request("POST", "/v1/responses", {
      token: device,
      body: { responses: answers, present: answers[0]!.id },
    });

    expect(res.status).toBe(200);
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(Array(100).fill("stored"));
    expect(res.json.results.filter((r: { surprise?: unknown }) => r.surprise)).toHaveLength(1);
    expect((await total("barcelona-gracia", "2026-05-24", "2026-06-17")).total).toBe(100);
    await useRules([]);
  });

  it("writes a chunk of 100 winners (over 200 actions) in parts, every answer and gift once", async () => {
    // The writer's largest chunk (the bench's bulk loader uses 99): 100 answer puts alone fill a transaction.
    // On a busy machine a transaction of up to 100 actions on DynamoDB Local can take longer than a
    // request's 4 s; this test is about the split, so its calls may take their time.
    const patient = {
      doc: makeDocumentClient({ DYNAMODB_ENDPOINT: api.dynamoEndpoint }, { callTimeoutMs: 60_000 }),
      name: api.tableName,
    };
    const writer = makeAnswerWriter(patient, { chunkSize: 100 });
    const store = (await makeStoreRepository(table).get("madrid-centro"))!;
    const rule = twentyRules()[19]!;
    const planned: PlannedAnswer[] = Array.from({ length: 100 }, (_, i) => {
      const item = {
        id: randomUUID(),
        at: new Date(Date.parse("2026-06-17T06:00:00Z") + i * 10_000).toISOString(),
        score: 5,
      };
      return {
        item,
        storeId: store.storeId,
        deviceId: "bench",
        atUtc: item.at,
        receivedAt: CLOCK_AT,
        localDate: item.at.slice(0, 10),
        localHour: 11,
        misuse: false,
        counters: answerCounters(item, 11, false),
        surprise: {
          rule: { ...rule, stores: "all", gift: { name: rule.gift.name } },
          group: "treatment",
          present: true,
          candidate: true,
        },
      };
    });

    const out = await writer.write(store, planned, "2026-06-17");

    expect([...out.outcomes.values()].map((o) => o.status)).toEqual(Array(100).fill("stored"));
    expect([...out.outcomes.values()].filter((o) => o.surprise)).toHaveLength(100);
    const days = await makeResultsRepository(table).storeDays("madrid-centro", "2026-06-17", "2026-06-17");
    expect(days.reduce((n, d) => n + Number(d.s5 ?? 0), 0)).toBe(100);
    expect(days.reduce((n, d) => n + Number(d.gw ?? 0), 0)).toBe(100);
    patient.doc.destroy();
  });
});

describe("answers that sat in a drawer", () => {
  it("stores an answer 120 days late on its own day, and still refuses one from over 180 days ago", async () => {
    const device = await api.pairDevice("mexico-roma");
    const late = { id: randomUUID(), at: "2026-02-17T12:00:00-06:00", score: 3 };
    const tooLate = { id: randomUUID(), at: "2025-12-18T12:00:00-06:00", score: 3 };

    const res = await api.request("POST", "/v1/responses", { token: device, body: { responses: [late, tooLate] } });

    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(["stored", "rejected"]);
    expect(res.json.results[1].error.code).toBe("at_too_old");
    expect((await total("mexico-roma", "2026-02-17", "2026-02-17")).total).toBe(1);
  });
});
