/**
 * The effect report (issue 14) on a fresh in-memory local stack.
 *
 * (1) GET /v1/campaigns/effect for one rule over a year, at the effect items of 10,000 answers and of
 * 1,000,000 answers with 100,000 identified people (members and contacts). The answers themselves are not
 * loaded: the report never reads them. What they would have made is loaded directly (BatchWrite): each
 * identified person's first qualifying answer of a revision is an exposure item in the person's partition,
 * its outcomes computed by the domain's own `applyEvent` from simulated visits, and the rule's day counters
 * summed from the domain's `exposureCounters`/`creditCounters`, so the items are exactly what the stream
 * consumer would have written. The rule changes once mid-year (two revisions). Timed over 100 requests after
 * 50 to warm up: median and p95 (budget < 200 ms), and the ratio of the two sizes (budget ≤ 1.5×).
 * A control times the report's one query of the table alone at each size: DynamoDB Local's own growth.
 *
 * (2) Ingestion with outcome tracking on, against off: kiosks post answers (20 % opted in, from a pool of
 * 400 people, so visits credit earlier exposures) while the demo rule splits them; a pass ends when the
 * stream consumer has caught up. "Off" swaps the effect repository of the process's dependencies for one that
 * records nothing (the stream consumer reads it at each call), so everything else is identical. Passes
 * alternate off, on, off, on; the ratio of answers per second on / off (budget ≥ 0.85).
 */
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { SubmitResponsesResponse } from "@sonrisa/shared/schemas/responses";
import { makeDocumentClient, type Table } from "../functions/src/adapters/dynamo/client.ts";
import { keys } from "../functions/src/adapters/dynamo/keys.ts";
import { queryAll } from "../functions/src/adapters/dynamo/query-all.ts";
import { addEffectCounters, creditCounters, exposureCounters } from "../functions/src/domain/effect-counters.ts";
import { applyEvent } from "../functions/src/domain/effects.ts";
import type {
  EffectCounters,
  EffectRepository,
  ExposureRecord,
} from "../functions/src/domain/ports/effect-repository.ts";
import { inHoldout } from "../functions/src/domain/surprises.ts";
import { startLocalStack } from "../functions/src/local/local-stack.ts";
import { realDeps } from "../functions/src/wiring.ts";
import { makeAnswer, seededRandom } from "./support/answers.ts";
import { type ApiClient, makeApiClient } from "./support/api.ts";
import type { BenchRow } from "./support/report.ts";
import { pool, quantile, round } from "./support/stats.ts";

const DAY_MS = 86_400_000;
const RULE = "bench-effect";
const SIZES = [
  { answers: 10_000, people: 1_000 },
  { answers: Number(process.env.BENCH_EFFECT_ANSWERS ?? 1_000_000), people: 100_000 },
];
/** Of the answers, the share that qualifies for the rule and comes from an identified person. */
const IDENTIFIED_QUALIFYING = 0.12;
const WARM_UP = 50;
const SAMPLES = 100;
const BUDGET_MS = 200;
const BUDGET_RATIO = 1.5;
const PASS_ANSWERS = Number(process.env.BENCH_EFFECT_PASS ?? 2_500);
const BATCH = 25;

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true });
  const doc = makeDocumentClient({ DYNAMODB_ENDPOINT: stack.dynamoEndpoint }, { callTimeoutMs: 60_000 });
  const table: Table = { doc, name: stack.tableName };
  try {
    const api = makeApiClient(stack.url);
    const token = await api.login();
    return [...(await reportRows(api, token, table)), ...(await ingestionRows(api, token, stack))];
  } finally {
    doc.destroy();
    await stack.stop();
  }
}

// ── (1) the report ───────────────────────────────────────────────────────────────────────────────────────

async function reportRows(api: ApiClient, token: string, table: Table): Promise<BenchRow[]> {
  const now = new Date();
  const path = `/v1/campaigns/effect?rule=${RULE}`;
  const rows: BenchRow[] = [];
  const timings: Array<{ label: string; median: number; p95: number; bare: number }> = [];
  let loaded = 0;
  for (const [round_, size] of SIZES.entries()) {
    const label = size.answers >= 1_000_000 ? `${size.answers / 1_000_000}M` : `${size.answers / 1_000}k`;
    const answers = size.answers - loaded;
    process.stderr.write(`[effect] loading the effect items of ${answers.toLocaleString("en-US")} answers\n`);
    const started = performance.now();
    const made = await loadEffectItems(table, now, round_, Math.round(answers * IDENTIFIED_QUALIFYING), size.people);
    rows.push({
      metric: `load to ${label}: exposures of ${size.people.toLocaleString("en-US")} people (their first per revision)`,
      value: made.exposures,
      unit: `exposures, ${made.counterItems} counter items (${round((performance.now() - started) / 1000, 1)} s)`,
    });
    loaded = size.answers;
    const { json } = await api.call<{ revisions: Array<{ exposed: { treatment: number; holdout: number } }> }>(
      "GET",
      path,
      { token },
    );
    const reported = json.revisions.reduce((n, r) => n + r.exposed.treatment + r.exposed.holdout, 0);
    rows.push({
      metric: `${label}: exposures in the report = exposures loaded (so far)`,
      value: reported,
      unit: "exposures",
      budget: `= ${made.total}`,
      ok: reported === made.total,
    });
    for (let i = 0; i < WARM_UP; i++) await api.call("GET", path, { token });
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push((await api.call("GET", path, { token })).ms);
    // A control: the one query the report makes of the table (the rule's counter items over the year), alone.
    const span = keys.effectDays(
      RULE,
      new Date(now.getTime() - 366 * DAY_MS).toISOString().slice(0, 10),
      now.toISOString().slice(0, 10),
    );
    const bare: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const started = performance.now();
      await queryAll(table, span);
      if (i >= WARM_UP) bare.push(performance.now() - started);
    }
    timings.push({ label, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), bare: quantile(bare, 0.5) });
  }
  const [small, large] = [timings[0]!, timings.at(-1)!];
  for (const t of timings) {
    const last = t === large;
    rows.push(
      {
        metric: `report, one rule, a year @ ${t.label}: median`,
        value: round(t.median),
        unit: "ms",
        ...(last ? { budget: `< ${BUDGET_MS}`, ok: t.median < BUDGET_MS } : {}),
      },
      {
        metric: `report, one rule, a year @ ${t.label}: p95`,
        value: round(t.p95),
        unit: "ms",
        ...(last ? { budget: `< ${BUDGET_MS}`, ok: t.p95 < BUDGET_MS } : {}),
      },
    );
  }
  for (const t of timings) {
    rows.push({
      metric: `the report's query of the table alone @ ${t.label}: median`,
      value: round(t.bare),
      unit: "ms",
    });
  }
  rows.push({
    metric: `the report's query alone: median at ${large.label} / at ${small.label}`,
    value: round(large.bare / small.bare, 2),
    unit: "× (DynamoDB Local's own growth with the table)",
  });
  for (const stat of ["median", "p95"] as const) {
    const ratio = large[stat] / small[stat];
    rows.push({
      metric: `report ${stat} at ${large.label} / at ${small.label}`,
      value: round(ratio, 2),
      unit: "×",
      budget: `≤ ${BUDGET_RATIO}`,
      ok: ratio <= BUDGET_RATIO,
    });
  }
  return rows;
}

let exposuresSoFar = 0;

/**
 * `candidates` qualifying answers of identified people over the last year, spread over `people` people; a
 * person's first answer of each revision is an exposure, their later ones are visits credited to it.
 */
async function loadEffectItems(table: Table, now: Date, seed: number, candidates: number, people: number) {
  const random = seededRandom(9000 + seed);
  // Within the report's default year (today and the 364 days before it).
  const yearAgo = now.getTime() - 364 * DAY_MS;
  const change = now.getTime() - 180 * DAY_MS; // the rule changed here: a new revision
  const byPerson = new Map<number, number[]>();
  for (let i = 0; i < candidates; i++) {
    const person = Math.floor(random() * people);
    const list = byPerson.get(person) ?? [];
    list.push(yearAgo + random() * 364 * DAY_MS);
    byPerson.set(person, list);
  }
  const exposures: ExposureRecord[] = [];
  const counters = new Map<string, { key: ReturnType<typeof keys.effectDay>; e: ExposureRecord; c: EffectCounters }>();
  for (const [person, times] of byPerson) {
    times.sort((a, b) => a - b);
    const contactId = `bench-${seed}-${person}`;
    for (const revision of ["rev-a", "rev-b"]) {
      const inRevision = times.filter((t) => (revision === "rev-a" ? t < change : t >= change));
      if (!inRevision.length) continue;
      const at = new Date(inRevision[0]!).toISOString();
      const answerId = `${contactId}-${revision}`;
      const group = inHoldout(answerId, 10) ? "holdout" : "treatment";
      const start: ExposureRecord = {
        contactId,
        kind: "surprise",
        ruleId: RULE,
        revision,
        group,
        answerId,
        storeId: "madrid-centro",
        at,
        date: at.slice(0, 10),
        won: group === "treatment" && random() < 0.35,
        returned: [],
        joined: false,
        purchases: {},
        events: [],
        version: 0,
      };
      let e = start;
      // Every later answer of the person is a visit (within 60 days it counts).
      for (const [n, t] of times.entries()) {
        const next = applyEvent(e, {
          kind: "answer",
          id: `${contactId}-v${n}`,
          at: new Date(t).toISOString(),
          score: 4,
        });
        if (next) e = next;
      }
      exposures.push(e);
      const key = keys.effectDay(RULE, e.date, revision, contactId);
      const id = `${key.pk}|${key.sk}`;
      const entry = counters.get(id) ?? { key, e, c: {} };
      addEffectCounters(entry.c, exposureCounters(start));
      addEffectCounters(entry.c, creditCounters(start, e));
      counters.set(id, entry);
    }
  }
  const puts = [
    ...exposures.map((e) => ({ ...keys.exposure(e.contactId, e.at, e.ruleId), entity: "Exposure", ...e })),
    ...[...counters.values()].map(({ key, e, c }) => ({
      ...key,
      entity: "EffectDay",
      ruleId: RULE,
      kind: "surprise",
      revision: e.revision,
      date: e.date,
      ...c,
    })),
  ];
  // Counter items of the second load add to those of the first: same keys, so they are merged here first.
  await mergeCounters(table, puts);
  exposuresSoFar += exposures.length;
  return { exposures: exposures.length, counterItems: counters.size, total: exposuresSoFar };
}

const written = new Map<string, Record<string, unknown>>();

async function mergeCounters(table: Table, items: Record<string, unknown>[]) {
  const merged = items.map((item) => {
    if (item.entity !== "EffectDay") return item;
    const id = `${item.pk}|${item.sk}`;
    const before = written.get(id);
    const out = { ...item };
    if (before) {
      for (const [k, v] of Object.entries(before)) {
        if (typeof v === "number") out[k] = ((out[k] as number | undefined) ?? 0) + v;
      }
    }
    written.set(id, out);
    return out;
  });
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < merged.length; i += 25) chunks.push(merged.slice(i, i + 25));
  await pool(chunks.length, 8, async (i) => {
    let requests = chunks[i]!.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const out = await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: requests } }));
      requests = (out.UnprocessedItems?.[table.name] ?? []) as typeof requests;
    }
  });
}

// ── (2) ingestion with tracking on and off ───────────────────────────────────────────────────────────────

const trackingOff: EffectRepository = {
  expose: async () => false,
  exposuresOf: async () => [],
  get: async () => undefined,
  credit: async () => true,
  creditAndExpose: async () => true,
  days: async () => [],
};

interface Kiosk {
  token: string;
  next: number;
  random: () => number;
}

async function ingestionRows(
  api: ApiClient,
  token: string,
  stack: Awaited<ReturnType<typeof startLocalStack>>,
): Promise<BenchRow[]> {
  const deps = realDeps();
  const tracking = deps.effects;
  const kiosks: Kiosk[] = [];
  const start = Date.now() - 20 * DAY_MS;
  for (const storeId of ["madrid-centro", "madrid-centro", "barcelona-gracia", "barcelona-gracia", "mexico-roma"]) {
    const { token: t } = await api.pairDevice(token, storeId);
    kiosks.push({ token: t, next: start, random: seededRandom(500 + kiosks.length) });
  }
  const pass = async (answers: number) => {
    const perKiosk = Math.ceil(answers / kiosks.length);
    let sent = 0;
    const started = performance.now();
    await Promise.all(
      kiosks.map(async (kiosk) => {
        for (let done = 0; done < perKiosk; done += BATCH) {
          const responses = Array.from({ length: Math.min(BATCH, perKiosk - done) }, () => {
            const at = new Date(kiosk.next);
            kiosk.next += 6_000 + kiosk.random() * 2_000;
            const answer = makeAnswer(kiosk.random, at, { optIn: 0.2 });
            if (answer.optIn) answer.optIn.email = `person.${Math.floor(kiosk.random() * 400)}@example.com`;
            return answer;
          });
          const { json } = await api.call<SubmitResponsesResponse>("POST", "/v1/responses", {
            token: kiosk.token,
            body: { responses },
          });
          sent += json.results.filter((r) => r.status === "stored").length;
        }
      }),
    );
    const posted = (performance.now() - started) / 1000;
    await stack.streams?.drain();
    return { sent, posted, total: (performance.now() - started) / 1000 };
  };
  process.stderr.write(`[effect] ingestion: warm-up, then off, on, off, on (${PASS_ANSWERS} answers each)\n`);
  deps.effects = tracking;
  await pass(500);
  const results = { off: { sent: 0, posted: 0, total: 0 }, on: { sent: 0, posted: 0, total: 0 } };
  for (const mode of ["off", "on", "off", "on"] as const) {
    deps.effects = mode === "on" ? tracking : trackingOff;
    const r = await pass(PASS_ANSWERS);
    results[mode].sent += r.sent;
    results[mode].posted += r.posted;
    results[mode].total += r.total;
  }
  deps.effects = tracking;
  const rate = (m: "on" | "off", k: "posted" | "total") => results[m].sent / results[m][k];
  const ratio = rate("on", "total") / rate("off", "total");
  const postRatio = rate("on", "posted") / rate("off", "posted");
  return [
    { metric: "ingestion + stream consumer, tracking off", value: round(rate("off", "total"), 0), unit: "answers/s" },
    { metric: "ingestion + stream consumer, tracking on", value: round(rate("on", "total"), 0), unit: "answers/s" },
    {
      metric: "tracking on / off (until the stream has caught up)",
      value: round(ratio, 2),
      unit: "×",
      budget: "≥ 0.85",
      ok: ratio >= 0.85,
    },
    { metric: "tracking on / off (POST /v1/responses only)", value: round(postRatio, 2), unit: "×" },
  ];
}
