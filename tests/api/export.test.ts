/**
 * The CSV export streams: rows reach the client while later pages are still unread, answers over several
 * query pages come out exactly once each, and errors found before the first byte are ordinary JSON answers.
 */
import { randomUUID } from "node:crypto";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EXPORT_PAGE_ANSWERS } from "../../functions/src/adapters/dynamo/results-repository.ts";
import { DEMO_ADMIN, startApi, type TestApi } from "./harness.ts";

const STORE = "mexico-roma";
const EXPORT = `/v1/export/responses.csv?storeId=${STORE}`;
/** 3 kiosks × 400 answers: the store's answers span three query pages (EXPORT_PAGE_ANSWERS each at most). */
const KIOSKS = 3;
const PER_KIOSK = 400;
const COMMENT = "Muy buena atención y buen café ".repeat(12).trim();

let api: TestApi;
let admin: string;
let sent: string[];

beforeAll(async () => {
  api = await startApi();
  admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  await api.request("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [] } });
  const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => api.pairDevice(STORE)));
  sent = (await Promise.all(kiosks.map((token) => sendAnswers(token, PER_KIOSK)))).flat();
}, 300_000);
afterAll(() => api.stop());

/** Sends `count` answers, 6 s apart so the burst check leaves them alone, in batches of 100; returns the ids. */
async function sendAnswers(token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; first < count; first += 100) {
    const responses = Array.from({ length: Math.min(100, count - first) }, (_, i) => ({
      id: randomUUID(),
      at: new Date(Date.now() - (first + i + 1) * 6_000).toISOString(),
      score: ((first + i) % 5) + 1,
      comment: COMMENT,
    }));
    // As the kiosk does, a 503 (DynamoDB Local slow under the four kiosks at once) is sent again.
    let res = await api.request("POST", "/v1/responses", { token, body: { responses } });
    for (let attempt = 1; res.status === 503 && attempt < 10; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      res = await api.request("POST", "/v1/responses", { token, body: { responses } });
    }
    const settled =
      res.json?.results?.filter((r: { status: string }) => r.status === "stored" || r.status === "duplicate") ?? [];
    if (settled.length !== responses.length) throw new Error(`batch answered ${res.status}: ${res.text.slice(0, 300)}`);
    ids.push(...responses.map((r) => r.id));
  }
  return ids;
}

/**
 * Holds back every page of the store's answers after the first until released: the handlers run in this
 * process, so wrapping the document client's `send` sees their queries.
 */
function holdPagesAfterFirst() {
  const proto = DynamoDBDocumentClient.prototype as unknown as { send: (command: unknown) => Promise<unknown> };
  const original = proto.send;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = { served: 0, waiting: false };
  proto.send = async function watchedSend(this: unknown, command: unknown) {
    const pk = command instanceof QueryCommand ? command.input.ExpressionAttributeValues?.[":pk"] : undefined;
    if (typeof pk !== "string" || !pk.startsWith(`STORE#${STORE}#RESP#`)) return original.call(this, command);
    if (state.served > 0) {
      state.waiting = true;
      await released;
    }
    const out = (await original.call(this, command)) as { Items?: unknown[] };
    if (out.Items?.length) state.served += 1;
    return out;
  };
  return { state, release, restore: () => Object.assign(proto, { send: original }) };
}

/** `work`, or a failure saying `what` after `ms`. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(what)), ms))]);
}

/** The ids of the data rows of a CSV (the id is the first column and never quoted). */
function rowIds(csv: string): string[] {
  return csv
    .split("\r\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.slice(0, line.indexOf(",")));
}

describe("CSV export", () => {
  it("streams: the header and first rows arrive while the next page is still unread", async () => {
    const held = holdPagesAfterFirst();
    try {
      const res = await fetch(`${api.url}${EXPORT}`, { headers: { authorization: `Bearer ${admin}` } });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      let chunks = 0;
      while (rowIds(text).length === 0) {
        const { value, done } = await within(10_000, reader.read(), "no row arrived while the second page was held");
        if (done) throw new Error("the export ended before its first row");
        text += value;
        chunks += 1;
      }
      await vi.waitFor(() => expect(held.state.waiting).toBe(true));
      const servedBeforeRelease = held.state.served;

      held.release();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        text += next.value;
        chunks += 1;
      }

      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("transfer-encoding")).toBe("chunked");
      expect(res.headers.get("content-length")).toBeNull();
      expect(servedBeforeRelease).toBe(1);
      // (one more when the answers straddle a month: each month is its own query)
      expect(held.state.served).toBeGreaterThanOrEqual(Math.ceil(sent.length / EXPORT_PAGE_ANSWERS));
      expect(chunks).toBeGreaterThan(1);
      expect(rowIds(text)).toHaveLength(sent.length);
    } finally {
      held.release();
      held.restore();
    }
  });

  it("exports every answer of several pages exactly once", async () => {
    const res = await api.request("GET", `${EXPORT}&personal=true`, { token: admin });

    const ids = rowIds(res.text);
    expect(res.status).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="sonrisa-mexico-roma-[\d-]+\.csv"$/);
    expect(res.text.split("\r\n")[0]).toMatch(/^id,storeId,.*,email,phone,socialNetwork,socialHandle$/);
    expect(ids).toHaveLength(KIOSKS * PER_KIOSK);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(sent));
  });

  it("answers bad queries and refusals as JSON errors, never as CSV", async () => {
    const marketing = await api.login("marketing@sonrisa.local", "sonrisa-marketing");
    const cases = [
      { path: `${EXPORT}&format=xlsx`, token: admin, status: 400, code: "invalid_request" },
      { path: `${EXPORT}&from=2026-02-10&to=2026-02-01`, token: admin, status: 400, code: "invalid_request" },
      { path: `${EXPORT}&personal=true`, token: marketing, status: 403, code: "forbidden" },
      { path: EXPORT, token: undefined, status: 401, code: "unauthorized" },
      { path: "/v1/export/responses.csv?storeId=nowhere", token: admin, status: 404, code: "not_found" },
    ];

    for (const { path, token, status, code } of cases) {
      const res = await api.request("GET", path, { token });
      expect(res.status, path).toBe(status);
      expect(res.headers["content-type"], path).toBe("application/json; charset=utf-8");
      expect(res.headers["content-disposition"], path).toBeUndefined();
      expect(res.json.error.code, path).toBe(code);
    }
  });
});
