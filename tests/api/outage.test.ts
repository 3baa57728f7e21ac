/**
 * The local stack when DynamoDB Local fails under it (issue 11), with the real Java process killed
 * (`kill -9`) and frozen (SIGSTOP) by the test: every request answers 503 with Retry-After (never a 500 or a
 * hang), the outage is logged once, /v1/health says 503 at once, the stack restarts DynamoDB Local on the
 * same data and goes back to healthy by itself, and kiosks that retry deliver everything exactly once.
 * This file runs its own stack (with a data directory), not the shared DynamoDB Local of the other files.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalStack } from "../../functions/src/local/local-stack.ts";

const STORE = "madrid-centro";
let stack: LocalStack;
let dataDir: string;
let admin: string;
/** Log lines the functions wrote (Powertools writes JSON lines, warnings and errors to stderr). */
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "sonrisa-outage-"));
  process.env.LOG_LEVEL = "INFO";
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logLines.push(...String(chunk).split("\n").filter(Boolean));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  // Imported only now: the functions' logger reads LOG_LEVEL when its module is first loaded.
  const { startLocalStack } = await import("../../functions/src/local/local-stack.ts");
  stack = await startLocalStack({ port: 0, dataDir, scheduler: false, quiet: !process.env.DEBUG });
  admin = (await call("POST", "/v1/auth/login", { body: { email: "admin@sonrisa.local", password: "sonrisa-admin" } }))
    .json.token;
  await call("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [] } });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: read by shape in assertions
  json: any;
  headers: Headers;
}

/**
 * A request that never throws: a connection the server cuts is status 0, and so is one that hangs past
 * `hangAfterMs` (a frozen database must be a prompt 503, not a request held until API Gateway's 30 s).
 */
async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; hangAfterMs?: number } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  try {
    const res = await fetch(`${stack.url}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      ...(opts.hangAfterMs ? { signal: AbortSignal.timeout(opts.hangAfterMs) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
  } catch {
    return { status: 0, json: undefined, headers: new Headers() };
  }
}

async function pairDevice(): Promise<string> {
  const code = (await call("POST", `/v1/stores/${STORE}/pairing-codes`, { token: admin })).json.code;
  return (await call("POST", "/v1/devices/pair", { body: { code } })).json.deviceToken;
}

/** Polls /v1/health until it answers 200. */
async function healthy(): Promise<void> {
  while ((await call("GET", "/v1/health")).status !== 200) await new Promise((r) => setTimeout(r, 100));
}

const signal = (name: NodeJS.Signals) => process.kill(stack.dynamoPid()!, name);
const warnings = (text: string) => logLines.filter((l) => l.includes(text)).length;

/**
 * A kiosk as its sender works: batches of 10 in order, each resent after a short wait until the server
 * answers 200 (a 503, a cut connection); returns every per-answer result and every status it got.
 */
async function kiosk(token: string, count: number, onBatch: () => void) {
  const start = Date.now() - 3_600_000;
  const answers = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    at: new Date(start + i * 6_000).toISOString(),
    score: (i % 5) + 1,
  }));
  const statuses: number[] = [];
  const results: Array<{ id: string; status: string }> = [];
  for (let i = 0; i < count; i += 10) {
    for (;;) {
      const res = await call("POST", "/v1/responses", { token, body: { responses: answers.slice(i, i + 10) } });
      statuses.push(res.status);
      if (res.status === 200) {
        results.push(...res.json.results);
        break;
      }
      expect(res.status === 503 ? res.headers.get("retry-after") : "no 503").toMatch(/^\d+$|no 503/);
      await new Promise((r) => setTimeout(r, 200));
    }
    onBatch();
  }
  return { answers, statuses, results };
}

async function storeTotal(): Promise<number> {
  const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const res = await call("GET", `/v1/stores/${STORE}/results?from=${from}&includeMisuse=true`, { token: admin });
  return res.json.total;
}

describe("DynamoDB Local killed with kill -9 while kiosks send", () => {
  it("answers 503 with Retry-After, logs it once, restarts on the same data, and loses or doubles nothing", async () => {
    const tokens = await Promise.all([1, 2, 3, 4].map(pairDevice));
    const before = await storeTotal();
    const pidBefore = stack.dynamoPid();
    const warned = warnings("the database is unavailable");
    let batches = 0;
    let killed = false;

    const runs = tokens.map((token) =>
      kiosk(token, 60, () => {
        batches += 1;
        if (batches === 6 && !killed) {
          killed = true;
          signal("SIGKILL");
        }
      }),
    );
    const done = await Promise.all(runs);
    await healthy();

    const statuses = done.flatMap((d) => d.statuses);
    const results = done.flatMap((d) => d.results);
    const ids = done.flatMap((d) => d.answers.map((a) => a.id));
    expect(killed).toBe(true);
    expect(stack.dynamoPid()).not.toBe(pidBefore);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(new Set(results.map((r) => r.id))).toEqual(new Set(ids));
    expect(results.every((r) => r.status === "stored" || r.status === "duplicate")).toBe(true);
    expect(await storeTotal()).toBe(before + ids.length); // none lost, none doubled
    expect(warnings("the database is unavailable") - warned).toBe(1);
    expect(logLines.filter((l) => l.includes('"level":"ERROR"'))).toEqual([]);
  }, 120_000);

  it("says 503 on /v1/health and on a refused request the moment Java is gone, then heals by itself", async () => {
    const device = await pairDevice();
    signal("SIGKILL");

    const health = await call("GET", "/v1/health");
    const refused = await call("POST", "/v1/responses", {
      token: device,
      body: { responses: [{ id: randomUUID(), at: new Date().toISOString(), score: 4 }] },
    });
    await healthy();
    const after = await call("POST", "/v1/responses", {
      token: device,
      body: { responses: [{ id: randomUUID(), at: new Date().toISOString(), score: 4 }] },
    });

    expect(health.status).toBe(503);
    expect(health.json).toMatchObject({ ok: false, error: { code: "unavailable" } });
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.status).toBe(503);
    expect(refused.json.error.code).toBe("unavailable");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(after.json.results[0].status).toBe("stored");
  }, 60_000);
});

describe("DynamoDB Local frozen with SIGSTOP", () => {
  it("fails requests with 503 instead of hanging them, says 503 on /v1/health, and recovers on SIGCONT", async () => {
    const device = await pairDevice();
    const answer = { id: randomUUID(), at: new Date().toISOString(), score: 5 };
    signal("SIGSTOP");
    let health: Reply;
    let frozen: Reply;
    try {
      // Bounds, not measurements: far above the 1 s of health and the ~4 s of a request, far below 29 s.
      [health, frozen] = await Promise.all([
        call("GET", "/v1/health", { hangAfterMs: 10_000 }),
        call("POST", "/v1/responses", { token: device, body: { responses: [answer] }, hangAfterMs: 15_000 }),
      ]);
    } finally {
      signal("SIGCONT");
    }
    await healthy();
    // As a kiosk does: resend until the server answers 200 (a loaded machine may still answer 503 once).
    let retried = await call("POST", "/v1/responses", { token: device, body: { responses: [answer] } });
    for (let i = 0; i < 20 && retried.status === 503; i++) {
      await new Promise((r) => setTimeout(r, 500));
      retried = await call("POST", "/v1/responses", { token: device, body: { responses: [answer] } });
    }

    // Status 0 would be a request still hanging at the bound above.
    expect(health.status).toBe(503);
    expect(frozen.status).toBe(503);
    expect(frozen.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(["stored", "duplicate"]).toContain(retried.json.results[0].status);
    expect(await storeTotal()).toBeGreaterThan(0);
  }, 60_000);
});
