/**
 * The demo history as the first `npm start` loads it: 90 days of the three demo stores through ingestion, with
 * the effect page's 300 people beside it, on a fresh in-memory stack (the demo organisation seeded, no stream
 * consumers, no jobs), then the same load again, as a restart does it (nothing to write). The phases overlap:
 * each row says when it was done, from the load's start. Budget: the first load within 20 s (17.2–17.5 s
 * measured on the shared 2-core machine at load averages of 3–4, 26–34 s at 7–8; see bench/README.md), a
 * restart within 1 s.
 */
import { loadDemoHistory } from "../functions/src/local/demo-history.ts";
import { seedEffect, startLocalStack } from "../functions/src/local/local-stack.ts";
import type { BenchRow } from "./support/report.ts";
import { round } from "./support/stats.ts";

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, streams: false, quiet: true });
  try {
    const target = { tableName: stack.tableName, endpoint: stack.dynamoEndpoint };
    let started = performance.now();
    const first = await loadDemoHistory({ ...target, alongside: seedEffect });
    const firstS = (performance.now() - started) / 1000;
    started = performance.now();
    const again = await loadDemoHistory({ ...target, alongside: seedEffect });
    const againS = (performance.now() - started) / 1000;
    process.stderr.write(`[demo-history] ${JSON.stringify(first)}; again ${JSON.stringify(again)}\n`);
    const phase = (ms = 0) => round(ms / 1000, 1);
    return [
      { metric: "first load (90 days)", value: round(firstS, 1), unit: "s", budget: "≤ 20", ok: firstS <= 20 },
      { metric: "· days before the surprise done after", value: phase(first.phases?.olderMs), unit: "s" },
      { metric: "· surprise's days done after", value: phase(first.phases?.recentMs), unit: "s" },
      { metric: "· effect people done after", value: phase(first.phases?.alongsideMs), unit: "s" },
      { metric: "answers stored", value: first.stored, unit: "answers" },
      { metric: "answers per second", value: round(first.stored / firstS, 0), unit: "answers/s" },
      { metric: "surprises won / handed over", value: first.handed, unit: `of ${first.wins}` },
      { metric: "club members / visit stamps", value: first.joined, unit: `${first.stamped} stamps` },
      { metric: "rewards redeemed", value: first.redeemed, unit: "rewards" },
      { metric: "restart (nothing new)", value: round(againS, 2), unit: "s", budget: "≤ 1", ok: againS <= 1 },
    ];
  } finally {
    await stack.stop();
  }
}
