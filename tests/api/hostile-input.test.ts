/**
 * Hostile input gets a 4xx and never a 500 (issue 11): path parameters over DynamoDB's key limit, dates in
 * year 9999, crafted cursors, JSON sent under other content types, and text that would reorder the screen.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

let api: TestApi;
let admin: string;
let staff: string;
let device: string;

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  staff = await api.staffLogin("madrid-centro", "2468");
  device = await api.pairDevice("madrid-centro");
});
afterAll(() => api.stop());

const LONG_ID = "a".repeat(5000);
const b64 = (value: unknown) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

describe("path parameters are checked before any lookup", () => {
  it.each(
    [
      ["GET", `/v1/stores/${LONG_ID}/results`],
      ["GET", `/v1/stores/${LONG_ID}/gifts`],
      ["GET", `/v1/stores/${LONG_ID}/stock`],
      ["GET", `/v1/stores/${LONG_ID}/comments`],
      ["GET", `/v1/stores/${LONG_ID}/today`],
      ["POST", `/v1/stores/${LONG_ID}/pairing-codes`],
      ["GET", "/v1/stores/Madrid%20Centro/results"],
      ["GET", "/v1/stores/%F0%9F%98%80/stock"],
    ].map(([method, path]) => ({ method: method!, path: path!, shown: path!.replace(LONG_ID, "{5000 × a}") })),
  )("$method $shown is a 400 naming the path, not a 500", async ({ method, path }) => {
    const res = await api.request(method, path, { token: admin });

    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_request", message: "The path is not valid" });
    expect(res.json.error.details[0].path).toEqual(["storeId"]);
  });
});

describe("dates are bounded before anything is read or sent", () => {
  it.each([
    "/v1/stores/madrid-centro/results?from=9999-12-30&to=9999-12-31",
    "/v1/results?from=9999-12-30&to=9999-12-31",
    "/v1/results?to=9999-12-31",
    "/v1/stores/madrid-centro/comments?from=9999-12-30&to=9999-12-31",
    "/v1/stores/madrid-centro/results?from=0001-01-01&to=0001-12-31",
  ])("%s is a 400", async (path) => {
    const res = await api.request("GET", path, { token: admin });

    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("invalid_request");
  });

  it("answers an export in year 9999 with a JSON 400 before the first byte of a file", async () => {
    const res = await api.request("GET", "/v1/export/responses.csv?from=9999-12-30&to=9999-12-31", { token: admin });
    const one = await api.request("GET", "/v1/export/responses.csv?storeId=madrid-centro&from=9999-01-01", {
      token: admin,
    });

    expect([res.status, one.status]).toEqual([400, 400]);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["content-disposition"]).toBeUndefined();
  });
});

describe("comment cursors", () => {
  it("follows its own cursors and refuses crafted ones with 400", async () => {
    const start = Date.now();
    const responses = Array.from({ length: 4 }, (_, i) => ({
      id: randomUUID(),
      at: new Date(start - (i + 1) * 6_000).toISOString(),
      score: 3,
      comment: `nota ${i}`,
    }));
    await api.request("POST", "/v1/responses", { token: device, body: { responses } });
    const first = await api.request("GET", "/v1/stores/madrid-centro/comments?limit=2", { token: admin });
    const next = await api.request("GET", `/v1/stores/madrid-centro/comments?limit=2&cursor=${first.json.cursor}`, {
      token: admin,
    });
    expect(next.status).toBe(200);
    expect(next.json.comments.map((c: { comment: string }) => c.comment)).toEqual(["nota 2", "nota 3"]);

    const otherStoreKey = {
      gsi2pk: "STORE#madrid-centro#COMMENTS",
      gsi2sk: "2026-01-01T00:00:00.000Z#x",
      pk: "STORE#barcelona-gracia",
      sk: "PROFILE",
    };
    const crafted = [
      b64(otherStoreKey),
      b64(`9999-12-31T00:00:00.000Z#${randomUUID()}`), // a comment key, outside the range asked for
      b64(`${new Date(start - 1000).toISOString()}#not-a-uuid`),
      b64("RESPONSE"),
      "AAAA",
      "x".repeat(2000),
    ];
    for (const cursor of crafted) {
      const res = await api.request("GET", `/v1/stores/madrid-centro/comments?cursor=${cursor}`, { token: admin });
      expect(res.status, cursor.slice(0, 40)).toBe(400);
    }
  });
});

describe("content types", () => {
  const body = JSON.stringify({ rules: [] });

  it.each([
    ["application/merge-patch+json", 415],
    ["application/vnd.api+json", 415],
    ["text/plain", 415],
    ["application/x-www-form-urlencoded", 415],
    ["application/json; charset=latin1", 415],
    ["application/json", 200],
    ["application/json; charset=utf-8", 200],
    ["Application/JSON; charset=UTF-8", 200],
  ])("a body sent as %s gets %i", async (type, status) => {
    const res = await api.request("PUT", "/v1/surprise-rules", {
      token: admin,
      rawBody: body,
      headers: { "content-type": type },
    });

    expect(res.status).toBe(status);
    if (status === 415) expect(res.json.error.code).toBe("unsupported_media_type");
  });
});

describe("names and reasons people type", () => {
  it("lose control and bidi characters at the edge; text made only of them is refused", async () => {
    const gift = await api.request("POST", "/v1/stores/madrid-centro/gifts", {
      token: staff,
      body: {
        kind: "spontaneous",
        gift: "Taza\u202E",
        reason: "\u2067Cliente\u2069 fiel\u0007",
        staffName: "Ana\u200F",
      },
    });
    const empty = await api.request("POST", "/v1/stores/madrid-centro/gifts", {
      token: staff,
      body: { kind: "spontaneous", gift: "\u202E\u202C", reason: "x" },
    });
    const stock = await api.request("PUT", "/v1/stores/madrid-centro/stock", {
      token: staff,
      body: { items: [{ item: "mug", name: "Taza\u202Edeif", quantity: 3, lowAt: 0 }] },
    });

    expect(gift.status).toBe(201);
    expect(gift.json.gift).toMatchObject({ gift: { es: "Taza", en: "Taza" }, reason: "Cliente fiel" });
    expect(gift.json.gift.handedBy).toBe("staff:madrid-centro (Ana)");
    expect(empty.status).toBe(400);
    expect(stock.json.items.find((i: { item: string }) => i.item === "mug").name).toBe("Tazadeif");
  });
});
