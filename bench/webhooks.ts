/**
 * Webhooks out on a fresh in-memory local stack: 2,000 events queued for one endpoint (as the stream consumer
 * queues them, each put only if absent) are delivered by the dispatcher's use case, run back to back as the job
 * would, to a receiver on 127.0.0.1 that verifies every signature and refuses the first tenth of the requests
 * with a 503. The clock is moved past each retry's wait. Deliveries per second, and that each event was accepted exactly
 * once under one webhook-id, none missed, every signature valid.
 */

import { makeDocumentClient } from "../functions/src/adapters/dynamo/client.ts";
import { loadConfig } from "../functions/src/config.ts";
import { dispatchDueWebhooks } from "../functions/src/domain/webhook-delivery.ts";
import { createEndpoint } from "../functions/src/domain/webhook-endpoints.ts";
import { queueEvent } from "../functions/src/domain/webhook-events.ts";
import { startLocalStack } from "../functions/src/local/local-stack.ts";
import { makeDeps } from "../functions/src/wiring.ts";
import type { Received } from "../tests/api/support/webhook-receiver.ts";
import { startReceiver } from "../tests/api/support/webhook-receiver.ts";
import type { BenchRow } from "./support/report.ts";
import { round } from "./support/stats.ts";

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2_000);
/** One request in FAIL_EVERY is refused (503), so retries are part of the run. */
const FAIL_EVERY = 10;

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true });
  const secrets: string[] = [];
  const receiver = await startReceiver(() => secrets);
  try {
    const config = loadConfig();
    const real = makeDeps(config, { doc: makeDocumentClient(config), name: config.TABLE_NAME });
    // A clock the run moves forward past each retry's wait, so nothing is waited for.
    let skewMs = 0;
    const deps = { ...real, clock: { now: () => new Date(Date.now() + skewMs) } };
    const { endpoint, secret } = await createEndpoint(deps, { url: receiver.url, events: ["answer.stored"] });
    secrets.push(secret);
    const endpoints = await deps.webhookEndpoints.list();

    process.stderr.write(`[webhooks] queueing ${EVENTS} events\n`);
    for (let i = 0; i < EVENTS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, EVENTS - i) }, (_, j) =>
          queueEvent(
            deps,
            {
              type: "answer.stored",
              sourceId: `bench-${i + j}`,
              occurredAt: new Date().toISOString(),
              data: { answerId: `bench-${i + j}`, storeId: "madrid-centro", score: 5 },
            },
            endpoints.filter((e) => e.endpointId === endpoint.endpointId),
          ),
        ),
      );
    }
    // The first tenth of the requests are refused: those events go by the retry schedule.
    receiver.failNext(...Array.from({ length: Math.floor(EVENTS / FAIL_EVERY) }, () => 503));

    const started = performance.now();
    let runs = 0;
    for (;;) {
      const s = await dispatchDueWebhooks(deps, { limit: 500, concurrency: 16 });
      runs++;
      const accepted = receiver.received.filter((r) => r.status === 200).length;
      process.stderr.write(`[webhooks] run ${runs}: ${accepted}/${EVENTS} accepted, ${s.retry} to retry\n`);
      if (s.delivered + s.retry + s.failed + s.cancelled + s.waiting + s.skipped + s.stale === 0) break;
      // The first retry waits 5 s: move the clock past it rather than wait.
      if (s.retry > 0) skewMs += 6_000;
    }
    const seconds = (performance.now() - started) / 1000;
    return rows(receiver.received, seconds, runs);
  } finally {
    await receiver.stop();
    await stack.stop();
  }
}

function rows(received: Received[], seconds: number, runs: number): BenchRow[] {
  const accepted = new Map<string, number>();
  for (const r of received.filter((x) => x.status === 200)) {
    const answerId = String(r.payload.data.answerId);
    accepted.set(answerId, (accepted.get(answerId) ?? 0) + 1);
  }
  const ids = new Map<string, Set<string>>();
  for (const r of received) {
    const answerId = String(r.payload.data.answerId);
    ids.set(answerId, (ids.get(answerId) ?? new Set()).add(r.id));
  }
  const twice = [...accepted.values()].filter((n) => n > 1).length;
  const missed = EVENTS - accepted.size;
  const unsigned = received.filter((r) => r.status === 401).length;
  const idChanged = [...ids.values()].filter((s) => s.size > 1).length;
  const refused = received.filter((r) => r.status === 503).length;
  return [
    {
      metric: `${EVENTS} events to a verifying receiver on 127.0.0.1: rate`,
      value: round(accepted.size / seconds, 0),
      unit: "events/s",
    },
    { metric: "requests refused with 503 and retried", value: refused, unit: "requests" },
    { metric: "dispatcher runs (500 a run, 16 at once)", value: runs - 1, unit: "runs" },
    { metric: "events accepted twice", value: twice, unit: "events", budget: "= 0", ok: twice === 0 },
    { metric: "events missed", value: missed, unit: "events", budget: "= 0", ok: missed === 0 },
    { metric: "signatures that did not verify", value: unsigned, unit: "requests", budget: "= 0", ok: unsigned === 0 },
    {
      metric: "events whose webhook-id changed on a retry",
      value: idChanged,
      unit: "events",
      budget: "= 0",
      ok: idChanged === 0,
    },
  ];
}
