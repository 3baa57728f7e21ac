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
/**
 * Like a kiosk's sender: a 503 is retried with exponential backoff and jitter (kiosk-web backoff.ts), at
 * least its retry-after. Part of a batch of more than 25 answers may be stored before a 503 (a transaction
 * per 25): the retry then reports those as duplicates.
 */
async function sendLikeAKiosk(token: string, responses: unknown[]) {
  const replies = [];
  for (let attempt = 1; ; attempt++) {
    const res = await api.request("POST", "/v1/responses", { token, body: { responses } });
    replies.push(res);
    if (res.status !== 503 || attempt === 30) return replies;
    const ceiling = Math.min(16_000, 1000 * 2 ** (attempt - 1));
    const wait = Math.max(1000 * Number(res.headers["retry-after"] ?? 1), ceiling / 2 + Math.random() * (ceiling / 2));
    await new Promise((resolve) => setTimeout(resolve, wait));
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
    const replies = (await Promise.all(sends)).flat();

    const answered = replies.filter((r) => r.status === 200);
    expect(answered).toHaveLength(60);
    expect(replies.every((r) => r.status === 200 || r.status === 503)).toBe(true);
    const settled = answered.flatMap((r) => r.json.results as Array<{ id: string; status: string }>);
    const storedIds = settled.filter((x) => x.status === "stored").map((x) => x.id);
    const everyId = new Set<string>([...shared, ...own.flat()].map((a) => a.id));
    expect(new Set(storedIds).size).toBe(storedIds.length); // no answer is stored twice
    expect(settled.every((x) => everyId.has(x.id) && (x.status === "stored" || x.status === "duplicate"))).toBe(true);
    expect(new Set(settled.map((x) => x.id))).toEqual(everyId);
    const after = await results("madrid-centro");
    expect(after.total - before.total).toBe(250);
    expect(after.counts["5"] - before.counts["5"]).toBe(50);
    expect(after.counts["2"] - before.counts["2"]).toBe(200);
  }, 300_000); // 60 concurrent batches on one day item of DynamoDB Local queue up; some get 503 and are resent
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
      { id: randomUUID(), at: new Date(now - 181 * 86_400_000).toISOString(), score: 4 },
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
    const comments = await api.request("GET", "/v1/stores/barcelona-gracia/comments", { token: admin });
    const count = (r: typeof after, id: string) => r.reasons.find((x: { id: string }) => x.id === id)?.count ?? 0;
    expect(count(after, "quality") - count(before, "quality")).toBe(2);
    expect(after.optIns - before.optIns).toBe(1);
    expect(comments.json.comments.find((c: { id: string }) => c.id === a!.id)).toMatchObject({
      comment: "Muy buena atención",
      score: 5,
      lang: "es",
      reasons: ["quality", "price"],
      misuse: false,
    });
  });

  it("strips control and bidi characters from a comment, so it cannot reorder what the dashboard shows", async () => {
    const device = await api.pairDevice("barcelona-gracia");
    const [a] = answers(1, 700, () => 2);
    const hostile = "Mal servicio \u202Egnp.exe\u202C\u0000\u001B[2J\u2066fin\u2069\nsegunda línea";

    const res = await api.request("POST", "/v1/responses", {
      token: device,
      body: { responses: [{ ...a, comment: hostile }] },
    });
    const comments = await api.request("GET", "/v1/stores/barcelona-gracia/comments", { token: admin });

    expect(res.json.results[0].status).toBe("stored");
    const stored = comments.json.comments.find((c: { id: string }) => c.id === a!.id);
    expect(stored.comment).toBe("Mal servicio gnp.exe[2Jfin\nsegunda línea");
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

/** YYYY-MM-DD of a UTC date `days` after `date`, computed here rather than by the code under test. */
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Today in a zone, by Intl, not by the product's time functions. */
const todayIn = (zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
/** The Monday on or before the UTC date `days` ago. */
function mondayBefore(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  return plusDays(date.toISOString().slice(0, 10), -((date.getUTCDay() + 6) % 7));
}

describe("results", () => {
  it("serves daily series and a 7×24 heatmap in store-local hours", async () => {
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
  });

  it("serves a weekly series: one point per ISO week touched, counting only the days inside the range", async () => {
    const device = await api.pairDevice("mexico-roma");
    const monday = mondayBefore(130);
    // Mexico City is UTC-6 all year: local noon is 18:00 UTC, minutes apart so none is a burst.
    const at = (offsetDays: number, minute = 0) =>
      `${plusDays(monday, offsetDays)}T12:${String(minute).padStart(2, "0")}:00-06:00`;
    const tap = (offsetDays: number, minute: number, score: number) => ({
      id: randomUUID(),
      at: at(offsetDays, minute),
      score,
    });
    const batch = [
      tap(0, 0, 5), // Monday of week 1, before the range
      tap(3, 0, 5),
      tap(3, 1, 1), // Thursday
      tap(6, 0, 4), // Sunday
      tap(9, 0, 5),
      tap(9, 1, 3),
      tap(9, 2, 2), // Wednesday of week 2
      tap(15, 0, 4), // Tuesday of week 3, the range's last day
      tap(16, 0, 1), // Wednesday of week 3, after the range
    ];
    const sent = await api.request("POST", "/v1/responses", { token: device, body: { responses: batch } });
    expect(sent.json.results.every((x: { status: string }) => x.status === "stored")).toBe(true);

    const query = `?from=${plusDays(monday, 2)}&to=${plusDays(monday, 15)}`;
    const r = await results("mexico-roma", query);

    expect(r.weekly.map((w: { date: string; total: number; counts: unknown }) => [w.date, w.total, w.counts])).toEqual([
      [monday, 3, { "1": 1, "2": 0, "3": 0, "4": 1, "5": 1 }],
      [plusDays(monday, 7), 3, { "1": 0, "2": 1, "3": 1, "4": 0, "5": 1 }],
      [plusDays(monday, 14), 1, { "1": 0, "2": 0, "3": 0, "4": 1, "5": 0 }],
    ]);
    expect(r.weekly[0]).toMatchObject({ csat: 66.7, index: 58.3 });
    expect(r.total).toBe(7);
  });

  it("accepts ranges of up to 400 days between 2000-01-01 and tomorrow, and refuses others with 400", async () => {
    const today = todayIn("America/Mexico_City");
    const path = (from: string, to: string) => `/v1/stores/mexico-roma/results?from=${from}&to=${to}`;
    const statuses = [];
    for (const [from, to] of [
      [plusDays(today, -399), today],
      [plusDays(today, -400), today],
      [today, plusDays(today, -1)],
      [plusDays(today, -10), plusDays(today, 1)],
      [plusDays(today, -10), plusDays(today, 2)],
      ["9999-12-30", "9999-12-31"],
      ["1999-12-31", "2000-01-02"],
    ]) {
      statuses.push((await api.request("GET", path(from!, to!), { token: admin })).status);
    }
    expect(statuses).toEqual([200, 400, 400, 200, 400, 400, 400]);
  });

  it("ranks a store with many good answers above one with a handful of perfect ones", async () => {
    const day = plusDays(mondayBefore(110), 2);
    const at = (zone: string, i: number) => new Date(Date.parse(`${day}T10:00:00${zone}`) + i * 6_000).toISOString();
    const few = await api.pairDevice("mexico-roma");
    const many = await api.pairDevice("barcelona-gracia");
    const perfect = [0, 1, 2].map((i) => ({ id: randomUUID(), at: at("-06:00", i), score: 5 }));
    const good = Array.from({ length: 100 }, (_, i) => ({
      id: randomUUID(),
      at: at("+01:00", i),
      score: i % 10 ? 5 : 1,
    }));
    await api.request("POST", "/v1/responses", { token: few, body: { responses: perfect } });
    await api.request("POST", "/v1/responses", { token: many, body: { responses: good } });

    const all = await api.request("GET", `/v1/results?from=${day}&to=${day}`, { token: admin });

    expect(all.status).toBe(200);
    const row = (id: string) => all.json.stores.find((s: { storeId: string }) => s.storeId === id);
    expect([row("mexico-roma").total, row("barcelona-gracia").total]).toEqual([3, 100]);
    expect(row("mexico-roma").csat).toBeGreaterThan(row("barcelona-gracia").csat); // by CSAT alone it would win
    expect(row("barcelona-gracia").rank).toBe(1);
    expect(row("mexico-roma").rank).toBe(2);
    expect(row("madrid-centro")).toMatchObject({ total: 0, rank: null }); // no answers: listed last, unranked
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
