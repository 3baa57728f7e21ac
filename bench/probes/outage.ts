/**
 * DynamoDB Local killed and frozen under a running local stack (on a data directory), with kiosks sending
 * the whole time as the kiosk's sender does (each batch resent until it gets a 200): how many requests
 * failed, how long until /v1/health said 200 again, and whether any answer was lost or counted twice; then
 * Java frozen with SIGSTOP: how long until the first 503 (a request, and /v1/health).
 * `npx tsx bench/probes/outage.ts`
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "../../functions/src/local/local-stack.ts";
import { makeApiClient } from "../support/api.ts";

const KIOSKS = 4;
const BATCH = 10;
const RUN_MS = 20_000;
const KILL_AT_MS = 5_000;
const STORE = "madrid-centro";

const dataDir = mkdtempSync(join(tmpdir(), "sonrisa-outage-probe-"));
process.env.LOG_LEVEL = "ERROR";
const stack = await startLocalStack({ port: 0, dataDir, scheduler: false, quiet: true });
const api = makeApiClient(stack.url);
const admin = await api.login();
await api.call("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [] } });
const tokens = await Promise.all(
  Array.from({ length: KIOSKS }, async () => (await api.pairDevice(admin, STORE)).token),
);

async function post(path: string, token?: string, body?: unknown): Promise<number> {
  try {
    const res = await fetch(`${stack.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

async function total(): Promise<number> {
  const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const { json } = await api.call<{ total: number }>(
    "GET",
    `/v1/stores/${STORE}/results?from=${from}&includeMisuse=true`,
    {
      token: admin,
    },
  );
  return json.total;
}

// Part 1: kill -9 mid-run.
const before = await total();
const started = Date.now();
// Answers 6 s apart from 6 hours ago: room for 3,600 before one would be dated in the future (and refused).
let next = Date.now() - 6 * 3_600_000;
const statuses: number[] = [];
const sent = new Set<string>();
/** Items a 200 answered with anything but stored or duplicate (none expected). */
const refusedItems: string[] = [];

/** A kiosk's batch as its sender posts it: the status, and each item's outcome on a 200. */
async function send(token: string, responses: unknown[]): Promise<{ status: number; results: { status: string }[] }> {
  try {
    const res = await fetch(`${stack.url}/v1/responses`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ responses }),
    });
    const body = (await res.json().catch(() => ({}))) as { results?: { status: string }[] };
    return { status: res.status, results: body.results ?? [] };
  } catch {
    return { status: 0, results: [] };
  }
}
let killedAt = 0;
let healthyAgainAt = 0;
const kiosks = tokens.map(async (token) => {
  while (Date.now() - started < RUN_MS) {
    const responses = Array.from({ length: BATCH }, () => {
      next += 6_000;
      return { id: randomUUID(), at: new Date(next).toISOString(), score: 4 };
    });
    for (;;) {
      const { status, results } = await send(token, responses);
      statuses.push(status);
      if (status === 200) {
        for (const r of results) if (r.status !== "stored" && r.status !== "duplicate") refusedItems.push(r.status);
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    for (const r of responses) sent.add(r.id);
  }
});
const killer = (async () => {
  await new Promise((r) => setTimeout(r, KILL_AT_MS));
  process.kill(stack.dynamoPid()!, "SIGKILL");
  killedAt = Date.now();
  while ((await post("/v1/health")) !== 200) await new Promise((r) => setTimeout(r, 100));
  healthyAgainAt = Date.now();
})();
await Promise.all([...kiosks, killer]);
const counted = (await total()) - before;
const failed = statuses.filter((s) => s !== 200);

// Part 2: SIGSTOP.
const token = tokens[0]!;
const pid = stack.dynamoPid()!;
process.kill(pid, "SIGSTOP");
const frozenAt = Date.now();
const [firstRequest, firstHealth] = await Promise.all([
  post("/v1/responses", token, { responses: [{ id: randomUUID(), at: new Date().toISOString(), score: 5 }] }).then(
    (s) => ({ s, ms: Date.now() - frozenAt }),
  ),
  post("/v1/health").then((s) => ({ s, ms: Date.now() - frozenAt })),
]);
process.kill(pid, "SIGCONT");
const resumedAt = Date.now();
while ((await post("/v1/health")) !== 200) await new Promise((r) => setTimeout(r, 100));
const healthyAfterResume = Date.now() - resumedAt;

console.log(
  `\nkill -9 of DynamoDB Local ${KILL_AT_MS / 1000} s into a ${RUN_MS / 1000} s run of ${KIOSKS} kiosks (batches of ${BATCH})`,
);
console.log(
  `  requests ${statuses.length}, failed ${failed.length} (${failed.filter((s) => s === 503).length} × 503, ${failed.filter((s) => s === 0).length} cut, ${failed.filter((s) => s !== 503 && s !== 0).length} other)`,
);
console.log(`  healthy again ${((healthyAgainAt - killedAt) / 1000).toFixed(1)} s after the kill`);
console.log(
  `  answers sent ${sent.size}, counted ${counted}: lost ${Math.max(0, sent.size - counted)}, doubled ${Math.max(0, counted - sent.size)}; items a 200 did not store: ${refusedItems.length}`,
);
console.log("SIGSTOP of DynamoDB Local");
console.log(
  `  first request: ${firstRequest.s} after ${(firstRequest.ms / 1000).toFixed(1)} s; /v1/health: ${firstHealth.s} after ${(firstHealth.ms / 1000).toFixed(1)} s`,
);
console.log(`  healthy ${(healthyAfterResume / 1000).toFixed(1)} s after SIGCONT`);
await stack.stop();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
