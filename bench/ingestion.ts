/**
 * Ingestion throughput on a fresh in-memory local stack: 10 paired kiosks (4/3/3 over the demo stores)
 * send batches of 25 answers concurrently through `POST /v1/responses`; answers/s and request latency,
 * then a check that the stored totals equal what was sent. Pass 1 runs with no surprise rules (pure
 * ingestion), in slices alternating with the bare DynamoDB ceiling (the same transactions issued
 * directly), and is reported as a ratio to it; pass 2 runs with the demo rule the table started with.
 */
import type { SubmitResponsesResponse } from "@sonrisa/shared/schemas/responses";
import type { AllResults, StoreResults } from "@sonrisa/shared/schemas/results";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { addDays, localParts } from "@sonrisa/shared/time";
import { chunkTransaction } from "../functions/src/adapters/dynamo/answer-items.ts";
import { makeDocumentClient, type Table } from "../functions/src/adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../functions/src/adapters/dynamo/device-repository.ts";
import { makeStoreRepository } from "../functions/src/adapters/dynamo/store-repository.ts";
import { transactOnce } from "../functions/src/adapters/dynamo/transact.ts";
import { assignWins } from "../functions/src/domain/win-assignment.ts";
import { startLocalStack } from "../functions/src/local/local-stack.ts";
import { makeAnswer, planAnswer, seededRandom } from "./support/answers.ts";
import { type ApiClient, makeApiClient } from "./support/api.ts";
import { type CpuReading, cpuSince, readCpu } from "./support/cpu.ts";
import { type CallStats, type DynamoTiming, installDynamoTiming } from "./support/dynamo-timing.ts";
import type { BenchRow } from "./support/report.ts";
import { quantile, round } from "./support/stats.ts";

const KIOSKS_PER_STORE = { "madrid-centro": 4, "barcelona-gracia": 3, "mexico-roma": 3 } as const;
const BATCH = 25;
/** Answers per pass (all kiosks together); BENCH_INGESTION_ANSWERS to change. */
const ANSWERS_PER_PASS = Number(process.env.BENCH_INGESTION_ANSWERS ?? 10_000);
const WARM_UP_ANSWERS = 10_000;
/** Pass 1 and the bare reference, each cut into this many alternating slices. */
const ROUNDS = 4;
/** One device's answers are ≥ 6 s apart, so the server's 5 s burst check never flags them. */
const MIN_GAP_MS = 6_000;
const MAX_GAP_MS = 8_000;

interface Kiosk {
  storeId: string;
  token: string;
  deviceId: string;
  /** Kiosk time of its next answer (ms). */
  next: number;
  random: () => number;
}

interface PassResult {
  answers: number;
  batches: number;
  seconds: number;
  latencies: number[];
  notStored: number;
  surprises: number;
  /** DynamoDB calls made by the handlers during the pass, by command. */
  calls: Map<string, CallStats>;
  cpu: CpuReading;
}

/**
 * Every kiosk sends its share in sequential batches; all kiosks at once. With `present`, each batch says its
 * newest answer's shopper is at the screen (as a kiosk's thank-you does), so that answer may win.
 */
async function pass(
  api: ApiClient,
  kiosks: Kiosk[],
  answers: number,
  timing: DynamoTiming,
  present = false,
): Promise<PassResult> {
  const perKiosk = Math.ceil(answers / kiosks.length);
  const latencies: number[] = [];
  let notStored = 0;
  let surprises = 0;
  let sent = 0;
  timing.reset();
  const cpu = readCpu();
  const started = performance.now();
  const ticker = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    process.stderr.write(`[ingestion] ${sent}/${perKiosk * kiosks.length} answers, ${Math.round(sent / s)}/s\n`);
  }, 5_000);
  try {
    await Promise.all(
      kiosks.map(async (kiosk) => {
        for (let done = 0; done < perKiosk; done += BATCH) {
          const responses = Array.from({ length: Math.min(BATCH, perKiosk - done) }, () => {
            const at = new Date(kiosk.next);
            kiosk.next += MIN_GAP_MS + kiosk.random() * (MAX_GAP_MS - MIN_GAP_MS);
            return makeAnswer(kiosk.random, at);
          });
          const body = present ? { responses, present: responses.at(-1)!.id } : { responses };
          const { json, ms } = await api.call<SubmitResponsesResponse>("POST", "/v1/responses", {
            token: kiosk.token,
            body,
          });
          latencies.push(ms);
          for (const r of json.results) {
            if (r.status !== "stored") notStored++;
            if (r.surprise) surprises++;
          }
          sent += responses.length;
        }
      }),
    );
  } finally {
    clearInterval(ticker);
  }
  const seconds = (performance.now() - started) / 1000;
  const calls = timing.snapshot();
  return {
    answers: perKiosk * kiosks.length,
    batches: latencies.length,
    seconds,
    latencies,
    notStored,
    surprises,
    calls,
    cpu: cpuSince(cpu),
  };
}

/**
 * The bare DynamoDB ceiling: the transactions a batch commits (answers, day counters, the device's
 * update), built by the same code the writer uses and issued straight to DynamoDB Local by the same
 * kiosks with the same concurrency: no HTTP, no handler, no reads. What the API reaches against this is
 * the cost of everything around the write.
 */
async function bareCeiling(endpoint: string, tableName: string, kiosks: Kiosk[], answers: number) {
  const table: Table = { doc: makeDocumentClient({ DYNAMODB_ENDPOINT: endpoint }), name: tableName };
  const stores = makeStoreRepository(table);
  const devices = makeDeviceRepository(table);
  const perKiosk = Math.ceil(answers / kiosks.length);
  // What the transactions are built from is read before the clock starts: only the writes are timed.
  const known = await Promise.all(
    kiosks.map(async (kiosk) => ({
      store: (await stores.get(kiosk.storeId))!,
      device: (await devices.get(kiosk.storeId, kiosk.deviceId, { consistent: true }))!,
    })),
  );
  const started = performance.now();
  const cpu = readCpu();
  await Promise.all(
    kiosks.map(async (kiosk, k) => {
      const { store } = known[k]!;
      let { lastAnswerAt } = known[k]!.device;
      for (let done = 0; done < perKiosk; done += BATCH) {
        const planned = Array.from({ length: Math.min(BATCH, perKiosk - done) }, () => {
          const at = new Date(kiosk.next);
          kiosk.next += MIN_GAP_MS + kiosk.random() * (MAX_GAP_MS - MIN_GAP_MS);
          return planAnswer(store, kiosk.deviceId, makeAnswer(kiosk.random, at), new Date());
        });
        const today = localParts(new Date(), store.timeZone).date;
        const next = planned.reduce((max, a) => (a.atUtc > max ? a.atUtc : max), lastAnswerAt ?? "");
        const device = { deviceId: kiosk.deviceId, seenAt: new Date().toISOString(), lastAnswerAt, next };
        const wins = assignWins(planned, [], today, 0);
        const { items } = chunkTransaction(table, store, planned, wins, [], today, device);
        const outcome = await transactOnce(table, items);
        lastAnswerAt = next;
        if (!outcome.committed) throw new Error("a bare transaction was cancelled");
      }
    }),
  );
  table.doc.destroy();
  return { answers: perKiosk * kiosks.length, seconds: (performance.now() - started) / 1000, cpu: cpuSince(cpu) };
}

/** One pass out of its slices: counts, times and CPU added, latencies and calls pooled. */
function mergePasses(slices: PassResult[]): PassResult {
  const calls = new Map<string, CallStats>();
  for (const slice of slices) {
    for (const [name, c] of slice.calls) {
      const sum = calls.get(name) ?? { calls: 0, ms: 0 };
      calls.set(name, { calls: sum.calls + c.calls, ms: sum.ms + c.ms });
    }
  }
  const add = (pick: (p: PassResult) => number) => slices.reduce((n, p) => n + pick(p), 0);
  return {
    answers: add((p) => p.answers),
    batches: add((p) => p.batches),
    seconds: add((p) => p.seconds),
    latencies: slices.flatMap((p) => p.latencies),
    notStored: add((p) => p.notStored),
    surprises: add((p) => p.surprises),
    calls,
    cpu: { node: add((p) => p.cpu.node), java: add((p) => p.cpu.java) },
  };
}

/**
 * What the results routes count (scored + misuse) and the gifts they show, summed over the stores, from
 * `from` to each store's own today.
 */
async function counted(api: ApiClient, token: string, from: string) {
  const { json: all } = await api.call<AllResults>("GET", `/v1/results?from=${from}`, { token });
  const total = all.stores.reduce((sum, s) => sum + s.total + s.misuse, 0);
  let giftsWon = 0;
  for (const s of all.stores) {
    const path = `/v1/stores/${s.storeId}/results?from=${from}`;
    giftsWon += (await api.call<StoreResults>("GET", path, { token })).json.gifts.won;
  }
  return { total, misuse: all.stores.reduce((sum, s) => sum + s.misuse, 0), giftsWon };
}

/** DynamoDB API names for the document-client commands the handlers use. */
const API_NAMES: Record<string, string> = {
  GetCommand: "GetItem",
  BatchGetCommand: "BatchGetItem",
  TransactWriteCommand: "TransactWriteItems",
  UpdateCommand: "UpdateItem",
  QueryCommand: "Query",
  PutCommand: "PutItem",
};

function passRows(label: string, p: PassResult, budget: boolean): BenchRow[] {
  const rate = p.answers / p.seconds;
  const requestMs = p.latencies.reduce((a, b) => a + b, 0);
  const rows: BenchRow[] = [
    {
      metric: `${label}: throughput (10 kiosks × batches of ${BATCH})`,
      value: round(rate, 0),
      unit: "answers/s",
      ...(budget ? { budget: "≥ 300", ok: rate >= 300 } : {}),
    },
    { metric: `${label}: request latency p50`, value: round(quantile(p.latencies, 0.5)), unit: "ms" },
    { metric: `${label}: request latency p99`, value: round(quantile(p.latencies, 0.99)), unit: "ms" },
    { metric: `${label}: items not "stored"`, value: p.notStored, unit: "items", budget: "0", ok: p.notStored === 0 },
  ];
  // Where the time goes: the handlers' DynamoDB calls per batch and their share of request time.
  for (const [command, s] of [...p.calls].sort((a, b) => b[1].ms - a[1].ms)) {
    const name = API_NAMES[command] ?? command;
    rows.push({
      metric: `${label}: ${name} calls per batch (share of request time)`,
      value: round(s.calls / p.batches, 2),
      unit: `calls (${round((100 * s.ms) / requestMs, 0)} %)`,
    });
  }
  rows.push(
    {
      metric: `${label}: Node CPU per batch (HTTP, handler, kiosks)`,
      value: round((1000 * p.cpu.node) / p.batches),
      unit: "ms",
    },
    {
      metric: `${label}: DynamoDB Local (Java) CPU per batch`,
      value: round((1000 * p.cpu.java) / p.batches),
      unit: "ms",
    },
  );
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true });
  const timing = installDynamoTiming();
  try {
    const api = makeApiClient(stack.url);
    const admin = await api.login();
    const { json: original } = await api.call<{ rules: SurpriseRule[] }>("GET", "/v1/surprise-rules", {
      token: admin,
    });
    await api.call("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [] } });

    const now = Date.now();
    const kiosks: Kiosk[] = [];
    for (const [storeId, count] of Object.entries(KIOSKS_PER_STORE)) {
      for (let i = 0; i < count; i++) {
        const { token, deviceId } = await api.pairDevice(admin, storeId);
        kiosks.push({ storeId, token, deviceId, next: now - 3 * 86_400_000, random: seededRandom(kiosks.length + 1) });
      }
    }
    // Warm-up as long as a pass: it loads every handler module, opens the connections and warms both
    // JITs (DynamoDB Local's CPU per batch still halves over the first ~10,000 answers).
    process.stderr.write(`[ingestion] warm-up: ${WARM_UP_ANSWERS} answers\n`);
    const warm = await pass(api, kiosks, WARM_UP_ANSWERS, timing);

    // Pass 1 and the bare reference alternate in ROUNDS slices, so a change in the shared machine's load
    // falls on both alike; each side's figures add up its slices.
    const pureRounds: PassResult[] = [];
    const bareRounds: Array<{ answers: number; seconds: number; cpu: CpuReading }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      process.stderr.write(`[ingestion] pass 1 (no surprise rules), slice ${r + 1}/${ROUNDS}\n`);
      pureRounds.push(await pass(api, kiosks, ANSWERS_PER_PASS / ROUNDS, timing));
      process.stderr.write(`[ingestion] reference: bare transactions, slice ${r + 1}/${ROUNDS}\n`);
      bareRounds.push(await bareCeiling(stack.dynamoEndpoint, stack.tableName, kiosks, ANSWERS_PER_PASS / ROUNDS));
    }
    const pure = mergePasses(pureRounds);
    const alone = {
      answers: bareRounds.reduce((n, b) => n + b.answers, 0),
      seconds: bareRounds.reduce((n, b) => n + b.seconds, 0),
      cpu: bareRounds.reduce((sum, b) => ({ node: sum.node + b.cpu.node, java: sum.java + b.cpu.java }), {
        node: 0,
        java: 0,
      }),
    };

    // Pass 2 answers end about two minutes before now, so the last batches' newest answers are recent
    // enough to be a shopper at the screen (15 minutes), and today's happy answers can really win.
    await api.call("PUT", "/v1/surprise-rules", { token: admin, body: { rules: original.rules } });
    const perKiosk = Math.ceil(ANSWERS_PER_PASS / kiosks.length);
    const meanGap = (MIN_GAP_MS + MAX_GAP_MS) / 2;
    for (const k of kiosks) k.next = Math.max(k.next, Date.now() - perKiosk * meanGap - 2 * 60_000);
    process.stderr.write(`[ingestion] pass 2 (demo surprise rule on): ${ANSWERS_PER_PASS} answers\n`);
    const withRule = await pass(api, kiosks, ANSWERS_PER_PASS, timing, true);

    const sent = warm.answers + pure.answers + alone.answers + withRule.answers;
    const from = addDays(new Date(now - 4 * 86_400_000).toISOString().slice(0, 10), -1);
    const seen = await counted(api, admin, from);
    const notStored = warm.notStored + pure.notStored + withRule.notStored;
    const aloneRate = alone.answers / alone.seconds;

    return [
      ...passRows("no surprise rules", pure, true),
      {
        metric:
          "reference: bare DynamoDB ceiling, the same transactions issued directly (10 × 25, no HTTP, handler or reads)",
        value: round(aloneRate, 0),
        unit: "answers/s",
      },
      {
        metric: "reference: DynamoDB Local (Java) CPU per batch",
        value: round((1000 * alone.cpu.java) / (alone.answers / BATCH)),
        unit: "ms",
      },
      {
        metric: "no surprise rules: API throughput / bare DynamoDB ceiling",
        value: round(pure.answers / pure.seconds / aloneRate, 2),
        unit: "× (goal ≥ 0.9)",
      },
      ...passRows("demo surprise rule on", withRule, false),
      {
        metric: "demo surprise rule on: throughput / no rules",
        value: round(pure.seconds / withRule.seconds, 2),
        unit: "×",
      },
      { metric: "surprise wins returned to kiosks", value: withRule.surprises, unit: "wins" },
      {
        metric: "gifts won in store results = wins returned",
        value: seen.giftsWon,
        unit: "gifts",
        budget: `= ${withRule.surprises}`,
        ok: seen.giftsWon === withRule.surprises,
      },
      {
        metric: "answers counted by GET /v1/results = answers sent",
        value: seen.total,
        unit: "answers",
        budget: `= ${sent} sent`,
        ok: seen.total === sent && notStored === 0,
      },
      { metric: "answers counted as misuse", value: seen.misuse, unit: "answers", budget: "0", ok: seen.misuse === 0 },
    ];
  } finally {
    timing.uninstall();
    await stack.stop();
  }
}
