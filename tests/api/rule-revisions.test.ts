/**
 * The surprise rules' history (issue 10, item 6) on DynamoDB Local: every change saved through
 * PUT /v1/surprise-rules is kept as a revision (who, when, the rules before and after), listed newest first.
 */
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RULE } from "../../functions/src/local/seed-demo.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let admin: string;
let marketing: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
});
afterAll(() => api.stop());

const tote: SurpriseRule = {
  id: "member-tote",
  name: "Bolsa para socios",
  enabled: true,
  stores: ["madrid-centro"],
  minScore: 1,
  maxScore: 5,
  requireOptIn: false,
  requireMember: true,
  everyNth: 10,
  dailyBudget: 5,
  holdoutPercent: 20,
  gift: { name: { es: "Una bolsa de tela", en: "A tote bag" }, stockItem: "tote-bag" },
};
const save = (rules: SurpriseRule[], token = admin) =>
  api.request("PUT", "/v1/surprise-rules", { token, body: { rules } });
const revisions = (query = "", token = admin) => api.request("GET", `/v1/surprise-rules/revisions${query}`, { token });

describe("rule revisions", () => {
  it("keeps each change with who made it, when, and the rules before and after, newest first", async () => {
    const first = await save([DEMO_RULE, tote]);
    expect(first.status, first.text).toBe(200);
    const paused = { ...DEMO_RULE, enabled: false };
    expect((await save([paused, tote], marketing)).status).toBe(200);

    const res = await revisions();
    expect(res.status).toBe(200);
    expect(res.json.revisions).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        by: "marketing@sonrisa.local",
        before: [DEMO_RULE, tote],
        after: [paused, tote],
      },
      {
        id: expect.any(String),
        at: expect.any(String),
        by: DEMO_ADMIN.email,
        before: [DEMO_RULE],
        after: [DEMO_RULE, tote],
      },
    ]);
    expect(res.json.cursor).toBeNull();
    const [newer, older] = res.json.revisions;
    expect(Date.parse(newer.at)).toBeGreaterThanOrEqual(Date.parse(older.at));
  });

  it("keeps no revision for a save that changes nothing, nor for an invalid list", async () => {
    const before = (await revisions()).json.revisions.length;
    const current = (await api.request("GET", "/v1/surprise-rules", { token: admin })).json.rules;
    expect((await save(current)).status).toBe(200);
    const invalid = await save([{ ...tote, minScore: 5, maxScore: 1 }]);
    expect(invalid.status).toBe(400);
    expect((await revisions()).json.revisions.length).toBe(before);
    expect((await api.request("GET", "/v1/surprise-rules", { token: admin })).json.rules).toEqual(current);
  });

  it("pages with a cursor and refuses a bad one", async () => {
    await save([tote]);
    const page1 = await revisions("?limit=1");
    expect(page1.json.revisions).toHaveLength(1);
    expect(page1.json.cursor).toEqual(expect.any(String));
    const page2 = await revisions(`?limit=1&cursor=${page1.json.cursor}`);
    expect(page2.json.revisions).toHaveLength(1);
    expect(page2.json.revisions[0].id).not.toBe(page1.json.revisions[0].id);
    const bad = await revisions("?cursor=bm9wZQ");
    const unknownParam = await revisions("?order=asc");
    expect([bad.status, unknownParam.status]).toEqual([400, 400]);
  });

  it("is for admins and marketing only", async () => {
    const staff = await api.staffLogin("madrid-centro", "2468");
    expect((await revisions("", staff)).status).toBe(403);
    expect((await revisions("", marketing)).status).toBe(200);
  });
});
