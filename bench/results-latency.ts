/**
 * Results latency as the table grows: one store over 365 days and all stores over 30 days, measured at
 * 10,000 and at 1,000,000 stored answers (BENCH_RESULTS_ANSWERS to change the larger size). Answers
 * are loaded with the real writer (support/bulk-load.ts), checked through the API and by counting the
 * table's answer items on their index; then the scheduled roll-up-months job itself runs (ended months get
 * their roll-up, and months the load added late answers to get it again), and each route is timed over
 * 100 requests after a warm-up of 100 (the JVM of DynamoDB Local compiles its query path).
 */
import type { AllResults, StoreResults } from "@sonrisa/shared/schemas/results";
import { addDays, localParts, monthsBetween } from "@sonrisa/shared/time";
import { systemClock } from "../functions/src/adapters/clock.ts";
import { makeAnswerWriter } from "../functions/src/adapters/dynamo/answer-writer.ts";
import { makeDocumentClient, type Table } from "../functions/src/adapters/dynamo/client.ts";
import { keys } from "../functions/src/adapters/dynamo/keys.ts";
import { queryPage } from "../functions/src/adapters/dynamo/query-all.ts";
import { makeResultsRepository } from "../functions/src/adapters/dynamo/results-repository.ts";
import { makeStoreRepository } from "../functions/src/adapters/dynamo/store-repository.ts";
import { storeResults } from "../functions/src/domain/results.ts";
import { makeJob } from "../functions/src/jobs/roll-up-months.ts";
import { buildContext } from "../functions/src/local/api-event.ts";
import { startLocalStack } from "../functions/src/local/local-stack.ts";
import { type ApiClient, makeApiClient } from "./support/api.ts";
import { bulkLoad } from "./support/bulk-load.ts";
import { installDynamoTiming } from "./support/dynamo-timing.ts";
import type { BenchRow } from "./support/report.ts";
import { quantile, round } from "./support/stats.ts";

const SIZES = [10_000, Number(process.env.BENCH_RESULTS_ANSWERS ?? 1_000_000)];
const CONCURRENCY = Number(process.env.BENCH_LOAD_CONCURRENCY ?? 4);
const WARM_UP = 100;
const SAMPLES = 100;
const BUDGET_MS = 150;
const BUDGET_RATIO = 1.5;
const STORE = "madrid-centro";

interface Timing {
  median: number;
  p95: number;
  /** Time per request the handlers spent waiting on DynamoDB queries, summed (they may run in parallel). */
  queryMs: number;
  queries: number;
}

async function time(api: ApiClient, token: string, path: string): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await api.call("GET", path, { token });
  const timing = installDynamoTiming();
  try {
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push((await api.call("GET", path, { token })).ms);
    const query = timing.snapshot().get("QueryCommand") ?? { calls: 0, ms: 0 };
    return {
      median: quantile(samples, 0.5),
      p95: quantile(samples, 0.95),
      queryMs: query.ms / SAMPLES,
      queries: query.calls / SAMPLES,
    };
  } finally {
    timing.uninstall();
  }
}

/**
 * Answer items in the table, counted on the index every answer is written to (gsi1: a store's answers by
 * local month), over every store and month the load covered. A Scan would do, but DynamoDB Local's
 * segmented scans slow down sharply with size (still not done after 15 minutes at 1M).
 */
async function countAnswers(table: Table, storeIds: string[], months: string[]): Promise<number> {
  let count = 0;
  for (const storeId of storeIds) {
    for (const month of months) {
      let start: Record<string, unknown> | undefined;
      do {
        const span = keys.storeAnswers(storeId, month, "0", "~");
        const out = await queryPage(table, span, { Select: "COUNT", ExclusiveStartKey: start });
        count += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
    }
  }
  return count;
}

function sizeLabel(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`;
}

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true });
  // Loading a million answers keeps DynamoDB Local busy: its calls get longer than a request's 4 s.
  const doc = makeDocumentClient({ DYNAMODB_ENDPOINT: stack.dynamoEndpoint }, { callTimeoutMs: 60_000 });
  const table: Table = { doc, name: stack.tableName };
  try {
    const api = makeApiClient(stack.url);
    const token = await api.login();
    // The demo rule only touches today's happy answers; loaded history has no surprise decisions.
    await api.call("PUT", "/v1/surprise-rules", { token, body: { rules: [] } });
    const storeRepo = makeStoreRepository(table);
    const stores = (await storeRepo.list()).sort((a, b) => a.storeId.localeCompare(b.storeId));
    // The real writer with its largest chunk (98 answers + their day aggregate + their month's revision = 100
    // actions): the same items and counters as ingestion's 25-answer chunks, in fewer transactions.
    const writer = makeAnswerWriter(table, { chunkSize: 98 });
    // The scheduled job as its module wires it, with 15 minutes of time as in AWS.
    const rollUpMonths = makeJob({ stores: storeRepo, results: makeResultsRepository(table), clock: systemClock });
    const madrid = stores.find((s) => s.storeId === STORE)!;
    const now = new Date();
    const storeToday = localParts(now, madrid.timeZone).date;
    const utcToday = now.toISOString().slice(0, 10);
    const storePath = `/v1/stores/${STORE}/results?from=${addDays(storeToday, -364)}&to=${storeToday}`;
    const allPath = `/v1/results?from=${addDays(utcToday, -29)}&to=${utcToday}`;

    const rows: BenchRow[] = [];
    const measured: Array<{ size: number; store: Timing; all: Timing }> = [];
    let loaded = 0;
    for (const [round_, size] of SIZES.entries()) {
      const label = sizeLabel(size);
      process.stderr.write(`[results-latency] loading ${(size - loaded).toLocaleString("en-US")} answers\n`);
      const seconds = await bulkLoad({
        writer,
        stores,
        answers: size - loaded,
        concurrency: CONCURRENCY,
        round: round_,
        label: "results-latency",
      });
      rows.push({
        metric: `load to ${label}: ${(size - loaded).toLocaleString("en-US")} answers with the real writer (${CONCURRENCY} workers)`,
        value: round((size - loaded) / seconds, 0),
        unit: `answers/s (${round(seconds / 60, 1)} min)`,
      });
      loaded = size;

      // The volume is really there: the API counts every answer, and the table holds that many answer items.
      const { json } = await api.call<AllResults>(
        "GET",
        `/v1/results?from=${addDays(utcToday, -366)}&to=${addDays(utcToday, 1)}`,
        { token },
      );
      const counted = json.stores.reduce((sum, s) => sum + s.total + s.misuse, 0);
      process.stderr.write(`[results-latency] counting the answer items in the table\n`);
      const months = monthsBetween(addDays(utcToday, -367), addDays(utcToday, 1));
      const items = await countAnswers(
        table,
        stores.map((s) => s.storeId),
        months,
      );
      rows.push({
        metric: `${label}: answers counted by GET /v1/results / answer items in the table`,
        value: counted,
        unit: `answers / ${items.toLocaleString("en-US")} items`,
        budget: `= ${size.toLocaleString("en-US")}`,
        ok: counted === size && items === size,
      });

      // The roll-up-months job itself: every ended month gets a roll-up, and the months the load wrote into
      // after their roll-up (late answers, as far as ingestion is concerned) get it again.
      process.stderr.write(`[results-latency] running the roll-up-months job\n`);
      const rollStarted = performance.now();
      const run = await rollUpMonths({}, buildContext("roll-up-months", 15 * 60_000));
      rows.push({
        metric: `${label}: roll-up job, months rolled up (new or redone)`,
        value: run.months,
        unit: `months in ${round((performance.now() - rollStarted) / 1000, 1)} s${run.finished ? "" : " (unfinished)"}`,
      });

      // Read through the roll-ups, the route must give exactly what the day items give.
      const viaRoute = (await api.call<StoreResults>("GET", storePath, { token })).json;
      const range = { from: viaRoute.from, to: viaRoute.to };
      const days = await makeResultsRepository(table).storeDays(STORE, range.from, range.to);
      const viaDays = storeResults(madrid, { days, months: [] }, range);
      const same = JSON.stringify(viaRoute) === JSON.stringify(viaDays);
      rows.push({
        metric: `${label}: one store, 365 days through roll-ups = from every day item`,
        value: viaRoute.total,
        unit: `answers (day items: ${viaDays.total.toLocaleString("en-US")})`,
        budget: "identical results",
        ok: same,
      });

      process.stderr.write(`[results-latency] timing the results routes at ${label}\n`);
      const store = await time(api, token, storePath);
      const all = await time(api, token, allPath);
      measured.push({ size, store, all });
    }

    const [small, large] = [measured[0]!, measured.at(-1)!];
    for (const [key, what] of [
      ["store", `one store, 365 days`],
      ["all", `all stores, 30 days`],
    ] as const) {
      for (const m of measured) {
        const t = m[key];
        const last = m === large;
        const label = `${what} @ ${sizeLabel(m.size)}`;
        rows.push(
          {
            metric: `${label}: median`,
            value: round(t.median),
            unit: `ms (${round(t.queries, 0)} queries, Σ ${round(t.queryMs, 0)} ms)`,
            ...(last ? { budget: `< ${BUDGET_MS}`, ok: t.median < BUDGET_MS } : {}),
          },
          {
            metric: `${label}: p95`,
            value: round(t.p95),
            unit: "ms",
            ...(last ? { budget: `< ${BUDGET_MS}`, ok: t.p95 < BUDGET_MS } : {}),
          },
        );
      }
      for (const stat of ["median", "p95"] as const) {
        const ratio = large[key][stat] / small[key][stat];
        rows.push({
          metric: `${what}: ${stat} at ${sizeLabel(large.size)} / at ${sizeLabel(small.size)}`,
          value: round(ratio, 2),
          unit: "×",
          budget: `≤ ${BUDGET_RATIO}`,
          ok: ratio <= BUDGET_RATIO,
        });
      }
    }
    return rows;
  } finally {
    table.doc.destroy();
    await stack.stop();
  }
}
