/**
 * Hooks for the browser tests, on the local stack only and only when asked (`testHooks`, which only
 * tests/e2e/support/serve.ts sets): never part of a deployment, whose API is the route table alone.
 * `POST /__test/clock {"offsetMs": n}` moves the handlers' clock (the clock port of the real dependencies) by n ms
 * from now, so a test can come back "tomorrow"; 0 puts the system clock back. The clock object itself moves (the
 * handlers, made once, and the few-second caches hold it), so the stack's tokens follow it too.
 * `GET /__test/ready` answers 503 until the test server has put in what the specs expect beyond the seed (the
 * effect page's people), then 200: Playwright waits on it instead of /v1/health.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { realDeps } from "../wiring.ts";
import { readBody } from "./read-body.ts";

export const TEST_HOOK_PREFIX = "/__test/";

let ready = false;

/** The test server's data is all in: `/__test/ready` says 200 from now on. */
export function markTestDataReady(): void {
  ready = true;
}

export async function handleTestHook(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(body));
  };
  if (req.method === "GET" && pathname === "/__test/ready") {
    return reply(ready ? 200 : 503, { ready });
  }
  if (req.method !== "POST" || pathname !== "/__test/clock") return reply(404, { error: { code: "not_found" } });
  const read = await readBody(req);
  let offsetMs = Number.NaN;
  try {
    if (read.ok) offsetMs = Number((JSON.parse(read.body.toString("utf8") || "{}") as { offsetMs?: unknown }).offsetMs);
  } catch {
    // not JSON: refused below
  }
  if (!Number.isSafeInteger(offsetMs)) return reply(400, { error: { code: "invalid_request" } });
  const clock = realDeps().clock;
  if (!("offsetMs" in clock)) return reply(409, { error: { code: "clock_fixed" } });
  clock.offsetMs = offsetMs;
  reply(200, { offsetMs, now: clock.now().toISOString() });
}
