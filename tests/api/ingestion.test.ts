/** Ingestion exactness, per-item results, misuse and store-local time, on DynamoDB Local. */
import { randomUUID } from "node:crypto";
import { localParts } from "@sonrisa/shared/time";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let admin: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  await api.request("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [] } });
});
afterAll(() => api.stop());

/** Answers spaced 6 s apart per device, so the server's 5 s burst check leaves them alone. */
function answers(count: number, offset = 0, score = (i: number) => (i % 5) + 1) {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    at: new Date(Date.now() - (offset + i + 1) * 6_000).toISOString(),
    score: score(i),
  }));
}
/** Like a kiosk's sender: a 503 (busy, nothing written) is retried after its retry-after. */
async function sendLikeAKiosk(token: string, responses: unknown[]) {
  for (let attempt = 0; ; attempt++) {
    const res = await api.request("POST", "/v1/responses", { token, body: { responses } });
    if (res.status !== 503 || attempt === 5) return res;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

const results = async (storeId: string, query = "") =>
  (await api.request("GET", `/v1/stores/${storeId}/results${query}`, { token: admin })).json;

describe("exactly once", () => {
  it("counts every answer once when 20 kiosks send the same 50 answers three times at once, plus their own", async () => {
    const shared = answers(50, 0, () => 5);
    const devices = await Promise.all(Array.from({ length: 20 }, () => api.pairDevice("madrid-centro")));
    const own = devices.map((_, d) => answers(10, 100 + d * 20, () => 2));
    const before = await results("madrid-centro");

    const sends = devices.flatMap((token, d) =>
      [0, 1, 2].map((round) => sendLikeAKiosk(token, round === 1 ? [...shared, ...own[d]!] : shared)),
    );
    const replies = await Promise.all(sends);

    expect(replies.every((r) => r.status === 200)).toBe(true);
    const statuses = replies.flatMap((r) => r.json.results.map((x: { status: string }) => x.status));
    expect(statuses.filter((s) => s === "stored")).toHaveLength(50 + 200);
    const after = await results("madrid-centro");
    expect(after.total - before.total).toBe(250);
    expect(after.counts["5"] - before.counts["5"]).toBe(50);
    expect(after.counts["2"] - before.counts["2"]).toBe(200);
  });
});

describe("per-item results", () => {
  it("rejects bad items with a reason, stores the good ones, and never a 500", async () => {
    const device = await api.pairDevice("barcelona-gracia");
    const [good1, good2] = answers(2);
    const now = Date.now();
    const bad = [
      { id: randomUUID(), at: new Date(now).toISOString(), score: "5" },
      { id: randomUUID(), at: new Date(now).toISOString(), score: 5, extra: 1 },
      { id: randomUUID(), at: new Date(now).toISOString(), score: 0 },
      { id: randomUUID(), at: new Date(now).toISOString(), score: 6 },
      { id: randomUUID(), at: new Date(now).toISOString(), score: 4.5 },
      { id: "not-a-uuid", at: new Date(now).toISOString(), score: 4 },
      { id: randomUUID(), at: new Date(now + 10 * 60_000).toISOString(), score: 4 },
      { id: randomUUID(), at: new Date(now - 31 * 86_400_000).toISOString(), score: 4 },
      {
        id: randomUUID(),
        at: new Date(now).toISOString(),
        score: 5,
        optIn: { email: "ana@example.com", consent: { version: "2026-11", granted: false } },
      },
      null,
    ];
    const before = await results("barcelona-gracia");

    const res = await api.request("POST", "/v1/responses", {
      token: device,
      body: { responses: [good1, ...bad, good2] },
    });

    expect(res.status).toBe(200);
    const out = res.json.results as Array<{ status: string; error?: { code: string } }>;
    expect(out.map((r) => r.status)).toEqual(["stored", ...bad.map(() => "rejected"), "stored"]);
    expect(out[7]?.error?.code).toBe("at_in_future");
    expect(out[8]?.error?.code).toBe("at_too_old");
    expect(out[1]?.error?.code).toBe("invalid_item");
    expect((await results("barcelona-gracia")).total - before.total).toBe(2);
  });

  it("stores reasons, comments and opt-ins and counts them", async () => {
    const device = await api.pairDevice("barcelona-gracia");
    const [a, b] = answers(2, 500, () => 5);
    const before = await results("barcelona-gracia");
    const body = {
      responses: [
        { ...a, reasons: ["quality", "price"], comment: "Muy buena atención", lang: "es" },
        {
          ...b,
          reasons: ["quality"],
          optIn: { social: { network: "instagram", handle: "@ana.m" }, consent: { version: "2026-11", granted: true } },
        },
      ],
    };
    await api.request("POST", "/v1/responses", { token: device, body });
    const after = await results("barcelona-gracia");
    const count = (r: typeof after, id: string) => r.reasons.find((x: { id: string }) => x.id === id)?.count ?? 0;
    expect(count(after, "quality") - count(before, "quality")).toBe(2);
    expect(after.optIns - before.optIns).toBe(1);
  });
});

describe("misuse", () => {
  it("stores kiosk-flagged answers and server-seen bursts apart and leaves them out of scores", async () => {
    const device = await api.pairDevice("mexico-roma");
    const base = Date.now() - 3_600_000;
    const at = (s: number) => new Date(base + s * 1000).toISOString();
    const batch = [
      { id: randomUUID(), at: at(0), score: 5 },
      { id: randomUUID(), at: at(1), score: 1 },
      { id: randomUUID(), at: at(2), score: 1 },
      { id: randomUUID(), at: at(60), score: 4, misuse: true },
      { id: randomUUID(), at: at(120), score: 4 },
    ];
    const before = await results("mexico-roma");
    await api.request("POST", "/v1/responses", { token: device, body: { responses: batch } });
    const after = await results("mexico-roma");
    const withMisuse = await results("mexico-roma", "?includeMisuse=true");
    expect(after.total - before.total).toBe(2);
    expect(after.misuse - before.misuse).toBe(3);
    expect(withMisuse.total - after.total).toBe(after.misuse);
  });
});

describe("results", () => {
  it("serves daily and weekly series, a 7×24 heatmap in store-local hours, and a 400-day range", async () => {
    const device = await api.pairDevice("mexico-roma");
    const [a] = answers(1, 900, () => 4);
    await api.request("POST", "/v1/responses", { token: device, body: { responses: [a] } });
    const local = localParts(a!.at, "America/Mexico_City");
    const r = await results("mexico-roma");
    const day = r.daily.find((d: { date: string }) => d.date === local.date);
    expect(r.daily).toHaveLength(30);
    expect(day.total).toBeGreaterThanOrEqual(1);
    expect(r.heatmap).toHaveLength(7);
    expect(r.heatmap[local.weekday][local.hour].total).toBeGreaterThanOrEqual(1);
    const long = await api.request("GET", "/v1/stores/mexico-roma/results?from=2025-11-01&to=2026-12-01", {
      token: admin,
    });
    const tooLong = await api.request("GET", "/v1/stores/mexico-roma/results?from=2025-01-01&to=2026-12-01", {
      token: admin,
    });
    const reversed = await api.request("GET", "/v1/stores/mexico-roma/results?from=2026-12-01&to=2026-11-01", {
      token: admin,
    });
    expect([long.status, tooLong.status, reversed.status]).toEqual([200, 400, 400]);
  });

  it("ranks all stores so a handful of perfect answers does not beat many good ones", async () => {
    const all = await api.request("GET", "/v1/results", { token: admin });
    expect(all.status).toBe(200);
    expect(all.json.stores.map((s: { storeId: string }) => s.storeId).sort()).toEqual([
      "barcelona-gracia",
      "madrid-centro",
      "mexico-roma",
    ]);
    const ranks = all.json.stores.map((s: { rank: number }) => s.rank);
    expect(ranks).toEqual([1, 2, 3]);
    expect(all.json.method).toMatch(/Wilson/);
  });

  it("lists comments newest first, page by page", async () => {
    const device = await api.pairDevice("madrid-centro");
    const batch = answers(5, 2000).map((a, i) => ({ ...a, comment: `comentario ${i}` }));
    await api.request("POST", "/v1/responses", { token: device, body: { responses: batch } });
    const first = await api.request("GET", "/v1/stores/madrid-centro/comments?limit=3", { token: admin });
    const second = await api.request("GET", `/v1/stores/madrid-centro/comments?limit=3&cursor=${first.json.cursor}`, {
      token: admin,
    });
    const texts = [...first.json.comments, ...second.json.comments].map((c: { comment: string }) => c.comment);
    expect(texts.slice(0, 5)).toEqual(["comentario 0", "comentario 1", "comentario 2", "comentario 3", "comentario 4"]);
  });

  it("exports CSV without personal data unless an admin asks for it", async () => {
    const device = await api.pairDevice("barcelona-gracia");
    const [a] = answers(1, 3000, () => 5);
    const optIn = { email: "luis@example.com", consent: { version: "2026-11", granted: true } };
    await api.request("POST", "/v1/responses", { token: device, body: { responses: [{ ...a, optIn }] } });
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const plain = await api.request("GET", "/v1/export/responses.csv?storeId=barcelona-gracia", { token: marketing });
    const denied = await api.request("GET", "/v1/export/responses.csv?personal=true", { token: marketing });
    const full = await api.request("GET", "/v1/export/responses.csv?storeId=barcelona-gracia&personal=true", {
      token: admin,
    });
    expect(plain.headers["content-type"]).toMatch(/text\/csv/);
    expect(plain.text).toContain(a!.id);
    expect(plain.text).not.toContain("luis@example.com");
    expect(denied.status).toBe(403);
    expect(full.text).toContain("luis@example.com");
  });
});
