/**
 * Stores from the dashboard (issue 10, item 2) on DynamoDB Local: read, create, replace the settings as a
 * whole, archive; bad input that changes nothing; consent versions kept with their exact words; an
 * English-only 4-face store whose kiosks cannot send a 3; kiosks picking up changes through the config's
 * ETag; archived stores out of the ranking.
 */
import { createHash, randomUUID } from "node:crypto";
import type { StoreSettings } from "@sonrisa/shared/schemas/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

/** An English-only stand with 4 faces. */
function standSettings(over: Partial<StoreSettings> = {}): StoreSettings {
  return {
    name: "Sonrisa Pop-up · Feria",
    timeZone: "Europe/London",
    languages: ["en"],
    defaultLang: "en",
    question: { en: "How was the stand?" },
    scale: 4,
    reasons: {
      positive: [{ id: "demo", label: { en: "Great demo" } }],
      neutral: [],
      negative: [{ id: "queue", label: { en: "Long queue" } }],
    },
    optIn: { enabled: true, prompt: { en: "Join our list" }, networks: ["instagram"] },
    consent: { version: "v1", text: { en: "I agree that Sonrisa keeps my e-mail to send me news." } },
    idleTimeoutSec: 30,
    misuseIntervalSec: 2,
    openingHours: [[{ open: "10:00", close: "19:00" }], [], [], [], [], [], []],
    event: { start: "2026-01-01", end: "2099-12-31" },
    ...over,
  };
}

const storeOf = (id: string) => api.request("GET", `/v1/stores/${id}`, { token: admin });
const create = (id: string, settings: StoreSettings | Record<string, unknown>, token = admin) =>
  api.request("POST", "/v1/stores", { token, body: { id, ...settings } });
const put = (id: string, settings: unknown, token = admin) =>
  api.request("PUT", `/v1/stores/${id}`, { token, body: settings });
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("reading a store", () => {
  it("answers admins, marketing and the settings only (no PIN hash)", async () => {
    const asAdmin = await storeOf("madrid-centro");
    const asMarketing = await api.request("GET", "/v1/stores/madrid-centro", { token: marketing });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.json.store).toMatchObject({ storeId: "madrid-centro", timeZone: "Europe/Madrid", scale: 5 });
    expect(asAdmin.json.store.staffPinHash).toBeUndefined();
    expect(asMarketing.json).toEqual(asAdmin.json);
  });

  it("refuses staff and kiosks with 403, and an unknown store with 404", async () => {
    const staff = await api.staffLogin("madrid-centro", "2468");
    const device = await api.pairDevice("madrid-centro");
    const [asStaff, asDevice, unknown] = await Promise.all([
      api.request("GET", "/v1/stores/madrid-centro", { token: staff }),
      api.request("GET", "/v1/stores/madrid-centro", { token: device }),
      storeOf("nowhere"),
    ]);
    expect([asStaff.status, asDevice.status, unknown.status]).toEqual([403, 403, 404]);
    expect(unknown.json.error.code).toBe("not_found");
  });
});

describe("creating a store", () => {
  it("creates an English-only 4-face store, lists it and keeps its first consent version", async () => {
    const res = await create("feria-londres", standSettings());
    expect(res.status, res.text).toBe(201);
    expect(res.json.store).toEqual({ storeId: "feria-londres", ...standSettings() });
    expect((await storeOf("feria-londres")).json.store).toEqual(res.json.store);
    const list = await api.request("GET", "/v1/stores", { token: marketing });
    expect(list.json.stores.map((s: { storeId: string }) => s.storeId)).toContain("feria-londres");
    const consents = await api.request("GET", "/v1/stores/feria-londres/consents", { token: admin });
    expect(consents.json.consents).toEqual([
      {
        storeId: "feria-londres",
        version: "v1",
        text: standSettings().consent.text,
        sha256: { en: sha256(standSettings().consent.text.en!) },
        createdAt: expect.any(String),
        createdBy: DEMO_ADMIN.email,
      },
    ]);
  });

  it("refuses an id that exists with 409 and leaves the store as it was", async () => {
    const res = await create("madrid-centro", standSettings());
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "conflict", message: expect.stringContaining("madrid-centro") });
    expect((await storeOf("madrid-centro")).json.store.name).toBe("Muebles Sonrisa · Madrid Centro");
  });

  const stand = standSettings();
  const bad: [string, string, Record<string, unknown>, (string | number)[]][] = [
    ["an unknown field", "bad-unknown", { ...stand, colour: "red" }, []],
    ["an unknown time zone", "bad-zone", { ...stand, timeZone: "Europe/Atlantis" }, ["timeZone"]],
    ["a language without a question text", "bad-question", { ...stand, languages: ["en", "es"] }, ["question", "es"]],
    [
      "a reason without a label in every language",
      "bad-label",
      {
        ...stand,
        languages: ["es", "en"],
        question: { es: "¿Qué tal?", en: "How was it?" },
        optIn: { ...stand.optIn, prompt: { es: "Únete", en: "Join" } },
        consent: { version: "v1", text: { es: "Acepto.", en: "I agree." } },
      },
      ["reasons", "positive", 0, "label", "es"],
    ],
    [
      "duplicate reason ids",
      "bad-dupes",
      { ...stand, reasons: { ...stand.reasons, negative: [{ id: "demo", label: { en: "Bad demo" } }] } },
      ["reasons", "negative", 0, "id"],
    ],
    [
      "a text in a language the store does not offer",
      "bad-extra",
      { ...stand, question: { en: "Hi", es: "Hola" } },
      ["question", "es"],
    ],
    ["a default language it does not offer", "bad-default", { ...stand, defaultLang: "es" }, ["defaultLang"]],
    ["a 2-character id", "ab", stand, ["id"]],
    ["an id with capitals", "Feria-Madrid", stand, ["id"]],
    ["a 41-character id", "a".repeat(41), stand, ["id"]],
    [
      "an event that ends before it starts",
      "bad-event",
      { ...stand, event: { start: "2026-05-02", end: "2026-05-01" } },
      ["event", "end"],
    ],
    [
      "opening hours that close before they open",
      "bad-hours",
      { ...stand, openingHours: [[{ open: "19:00", close: "10:00" }], [], [], [], [], [], []] },
      ["openingHours", 0, 0],
    ],
  ];
  it.each(bad)("refuses %s with 400, naming the field, and creates nothing", async (_what, id, body, path) => {
    const res = await create(id, body);
    expect(res.status, res.text).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
    const paths = res.json.error.details.map((d: { path: unknown[] }) => d.path);
    if (path.length > 0) expect(paths).toContainEqual(path);
    else expect(res.json.error.details[0].code).toBe("unrecognized_keys");
    // Nothing was created: 404, or 400 for an id no store can have (path parameters are checked first).
    expect([400, 404]).toContain((await storeOf(id)).status);
  });

  it("is for admins only: marketing gets 403 and nothing is created", async () => {
    const res = await create("marketing-store", standSettings(), marketing);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden");
    expect((await storeOf("marketing-store")).status).toBe(404);
  });
});

describe("replacing a store's settings", () => {
  it("replaces them as a whole: a field left out is gone", async () => {
    await create("feria-sevilla", standSettings());
    const { openingHours: _dropped, ...rest } = standSettings({ name: "Feria de Sevilla", idleTimeoutSec: 45 });
    const res = await put("feria-sevilla", rest);
    expect(res.status, res.text).toBe(200);
    const stored = (await storeOf("feria-sevilla")).json.store;
    expect(stored).toEqual({ storeId: "feria-sevilla", ...rest });
    expect(stored.openingHours).toBeUndefined();
  });

  it("changes nothing when the settings are invalid, when marketing asks, or when the store is unknown", async () => {
    await create("feria-bilbao", standSettings());
    const before = (await storeOf("feria-bilbao")).json;
    const invalid = await put("feria-bilbao", { ...standSettings(), timeZone: "Mars/Olympus" });
    const unknownField = await put("feria-bilbao", { ...standSettings(), storeId: "other" });
    const byMarketing = await put("feria-bilbao", standSettings({ name: "Renamed" }), marketing);
    const unknown = await put("nowhere-store", standSettings());
    expect([invalid.status, unknownField.status, byMarketing.status, unknown.status]).toEqual([400, 400, 403, 404]);
    expect(invalid.json.error.details.map((d: { path: unknown[] }) => d.path)).toContainEqual(["timeZone"]);
    expect((await storeOf("feria-bilbao")).json).toEqual(before);
  });

  it("keeps every consent version's exact words: new text needs a new version", async () => {
    await create("feria-vigo", standSettings());
    const v2Text = { en: "I agree that Sonrisa keeps my e-mail and phone to send me news." };
    const sameVersion = await put("feria-vigo", standSettings({ consent: { version: "v1", text: v2Text } }));
    expect(sameVersion.status).toBe(400);
    expect(sameVersion.json.error.details[0]).toMatchObject({
      path: ["consent", "text"],
      params: { problem: "consent_changed" },
    });
    const v2 = await put("feria-vigo", standSettings({ consent: { version: "v2", text: v2Text } }));
    expect(v2.status, v2.text).toBe(200);
    // Back to v1 is fine with v1's own words, never with others.
    const v1Again = await put("feria-vigo", standSettings());
    const v1Changed = await put(
      "feria-vigo",
      standSettings({ consent: { version: "v1", text: { en: "Other words." } } }),
    );
    expect([v1Again.status, v1Changed.status]).toEqual([200, 400]);

    const consents = (await api.request("GET", "/v1/stores/feria-vigo/consents", { token: admin })).json.consents;
    expect(consents.map((c: { version: string; text: unknown }) => [c.version, c.text])).toEqual([
      ["v1", standSettings().consent.text],
      ["v2", v2Text],
    ]);
    expect(consents[1].sha256).toEqual({ en: sha256(v2Text.en) });
  });

  it("keeps the version a store showed before versions were kept when it moves to a new one", async () => {
    const current = (await storeOf("barcelona-gracia")).json.store;
    const { storeId: _id, archivedAt: _a, ...settings } = current;
    const text = { es: "Acepto el nuevo texto.", en: "I agree to the new text." };
    const res = await put("barcelona-gracia", { ...settings, consent: { version: "2027-01", text } });
    expect(res.status, res.text).toBe(200);
    const consents = (await api.request("GET", "/v1/stores/barcelona-gracia/consents", { token: admin })).json.consents;
    expect(consents.map((c: { version: string }) => c.version)).toEqual(["2026-11", "2027-01"]);
    expect(consents[0].text).toEqual(current.consent.text);
  });
});

describe("a 4-face, English-only store's kiosk", () => {
  it("gets its config in English only and has a 3 refused, never counted", async () => {
    await create("feria-york", standSettings());
    const device = await api.pairDevice("feria-york");
    const config = await api.request("GET", "/v1/kiosk/config", { token: device });
    expect(config.json).toMatchObject({
      languages: ["en"],
      defaultLang: "en",
      scale: 4,
      question: { en: "How was the stand?" },
    });
    expect(config.json.question.es).toBeUndefined();

    const at = (s: number) => new Date(Date.now() - s * 10_000).toISOString();
    const three = { id: randomUUID(), at: at(1), score: 3 };
    const four = { id: randomUUID(), at: at(2), score: 4 };
    const res = await api.request("POST", "/v1/responses", { token: device, body: { responses: [three, four] } });
    expect(res.json.results).toEqual([
      { id: three.id, status: "rejected", error: { code: "score_not_offered", message: expect.any(String) } },
      { id: four.id, status: "stored" },
    ]);
    const results = await api.request("GET", "/v1/stores/feria-york/results", { token: admin });
    expect(results.json.total).toBe(1);
    expect(results.json.counts["3"]).toBe(0);
  });
});

describe("kiosks pick up changes without re-pairing", () => {
  it("answers 304 to the config's ETag until the store changes, then 200 with the change", async () => {
    await create("feria-leeds", standSettings());
    const device = await api.pairDevice("feria-leeds");
    const first = await api.request("GET", "/v1/kiosk/config", { token: device });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");

    const same = await api.request("GET", "/v1/kiosk/config", { token: device, headers: { "if-none-match": etag! } });
    expect(same.status).toBe(304);
    expect(same.text).toBe("");

    await put("feria-leeds", standSettings({ question: { en: "Did you enjoy the demo?" } }));
    const changed = await api.request("GET", "/v1/kiosk/config", {
      token: device,
      headers: { "if-none-match": etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.question).toEqual({ en: "Did you enjoy the demo?" });
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe("archiving a store", () => {
  it("hides it from rankings and pairing, tells its kiosks, and keeps its history", async () => {
    await create("feria-bristol", standSettings());
    const device = await api.pairDevice("feria-bristol");
    await api.request("POST", "/v1/responses", {
      token: device,
      body: { responses: [{ id: randomUUID(), at: new Date().toISOString(), score: 5 }] },
    });
    const byMarketing = await api.request("POST", "/v1/stores/feria-bristol/archive", { token: marketing });
    expect(byMarketing.status).toBe(403);

    const archived = await api.request("POST", "/v1/stores/feria-bristol/archive", { token: admin });
    expect(archived.status, archived.text).toBe(200);
    const archivedAt = archived.json.store.archivedAt;
    expect(Date.parse(archivedAt)).toBeGreaterThan(0);
    const again = await api.request("POST", "/v1/stores/feria-bristol/archive", { token: admin });
    expect(again.json.store.archivedAt).toBe(archivedAt);

    const ranking = await api.request("GET", "/v1/results", { token: admin });
    expect(ranking.json.stores.map((s: { storeId: string }) => s.storeId)).not.toContain("feria-bristol");
    const history = await api.request("GET", "/v1/stores/feria-bristol/results", { token: admin });
    expect(history.json.total).toBe(1);
    const config = await api.request("GET", "/v1/kiosk/config", { token: device });
    expect(config.json.archivedAt).toBe(archivedAt);
    const pairing = await api.request("POST", "/v1/stores/feria-bristol/pairing-codes", { token: admin });
    expect(pairing.status).toBe(409);
    const unknown = await api.request("POST", "/v1/stores/nowhere-store/archive", { token: admin });
    expect(unknown.status).toBe(404);
  });
});
