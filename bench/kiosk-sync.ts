/**
 * 1,000 answers queued while offline reach the server after reconnection: seconds from going back online
 * to an empty queue, and proof that each was stored exactly once (per-item statuses and the store's total).
 */

import { STORE, storeTotal } from "../tests/e2e/support/kiosk.ts";
import { openPairedKiosk } from "../tests/e2e/support/kiosk-bench.ts";
import { makeAnswers, queueCount, seedQueue, waitForEmptyQueue } from "../tests/e2e/support/queue-seed.ts";
import type { BenchRow } from "./support/report.ts";

const ANSWERS = 1_000;
const BUDGET_S = 30;

export async function run(): Promise<BenchRow[]> {
  const kiosk = await openPairedKiosk();
  const { page, context } = kiosk;
  try {
    const statuses = new Map<string, string[]>();
    page.on("response", async (res) => {
      if (!res.url().endsWith("/v1/responses") || res.status() !== 200) return;
      const { results } = (await res.json()) as { results: Array<{ id: string; status: string }> };
      for (const r of results) statuses.set(r.id, [...(statuses.get(r.id) ?? []), r.status]);
    });
    const before = await storeTotal(page.request);

    await context.setOffline(true);
    const answers = makeAnswers(ANSWERS);
    await seedQueue(page, STORE, answers);
    const queued = await queueCount(page);
    if (queued !== ANSWERS) throw new Error(`${queued} answers queued, expected ${ANSWERS}`);

    const started = performance.now();
    await context.setOffline(false);
    if (!(await waitForEmptyQueue(page, 300_000))) throw new Error("the queue did not drain within 5 minutes");
    const seconds = Math.round((performance.now() - started) / 100) / 10;

    const stored = answers.filter((a) => statuses.get(a.id)?.[0] === "stored").length;
    const repeated = [...statuses.values()].filter((s) => s.length > 1).length;
    const added = (await storeTotal(page.request)) - before;
    return [
      {
        metric: `${ANSWERS} offline answers synced after reconnection`,
        value: seconds,
        unit: "s",
        budget: `≤ ${BUDGET_S}`,
        ok: seconds <= BUDGET_S,
      },
      {
        metric: "answers stored (first status 'stored')",
        value: stored,
        unit: "answers",
        budget: `= ${ANSWERS}`,
        ok: stored === ANSWERS,
      },
      { metric: "answers sent more than once", value: repeated, unit: "answers", budget: "0", ok: repeated === 0 },
      {
        metric: "store total added (results, misuse included)",
        value: added,
        unit: "answers",
        budget: `= ${ANSWERS}`,
        ok: added === ANSWERS,
      },
    ];
  } finally {
    await kiosk.close();
  }
}
