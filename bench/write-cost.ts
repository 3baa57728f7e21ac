/**
 * Write cost of one answer: DynamoDB write units per answer for typical batches, driven through the
 * ingestion use case (`ingestResponses`, wired like the submit-responses handler with the real
 * repositories) against DynamoDB Local. The device's update (seen, status, last answer for the burst
 * check) is one of the transaction's items, so "transaction" and "whole request" agree. DynamoDB Local's ReturnConsumedCapacity is wrong for
 * TransactWriteItems (items of equal size are counted once), so the units are computed from the
 * sizes of the items each write changes (support/capacity.ts); Local's own figure is shown beside.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { ResponseItem } from "@sonrisa/shared/schemas/responses";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { localParts } from "@sonrisa/shared/time";
import { systemClock } from "../functions/src/adapters/clock.ts";
import { makeAnswerWriter } from "../functions/src/adapters/dynamo/answer-writer.ts";
import { makeDocumentClient, type Table } from "../functions/src/adapters/dynamo/client.ts";
import { makeDeviceRepository } from "../functions/src/adapters/dynamo/device-repository.ts";
import { keys } from "../functions/src/adapters/dynamo/keys.ts";
import { makeRulesRepository } from "../functions/src/adapters/dynamo/rules-repository.ts";
import { makeStoreRepository } from "../functions/src/adapters/dynamo/store-repository.ts";
import { randomIds } from "../functions/src/adapters/ids.ts";
import { type IngestionDeps, ingestResponses } from "../functions/src/domain/ingestion.ts";
import type { Principal } from "../functions/src/domain/ports/principal.ts";
import { replaceRules } from "../functions/src/domain/surprise-rules.ts";
import { startDynamoLocal } from "../functions/src/local/dynamo-local.ts";
import { ensureTable, localDynamoClient } from "../functions/src/local/ensure-table.ts";
import { DEMO_RULE, seedDemo } from "../functions/src/local/seed-demo.ts";
import { type AnswerMix, makeAnswer, seededRandom } from "./support/answers.ts";
import { itemSize, meterCapacity } from "./support/capacity.ts";
import type { BenchRow } from "./support/report.ts";
import { round } from "./support/stats.ts";

const TABLE = "sonrisa-bench-write-cost";
const STORE = "madrid-centro";
/** The target for one answer. */
const TARGET_WCU = 8;

interface Case {
  label: string;
  batches: number;
  size: number;
  mix: AnswerMix;
  /** Spread each batch's answers over this many local days (an offline queue); default 1. */
  days?: number;
  rules: SurpriseRule[];
  /** Answers dated within the last minutes (today), so surprise wins are possible. */
  today?: boolean;
  budget?: boolean;
}

const plain: AnswerMix = { reasons: 0.4, comment: 0, optIn: 0 };
const extras: AnswerMix = { reasons: 1, comment: 1, optIn: 1 };
const alwaysWins: SurpriseRule = { ...DEMO_RULE, probability: 1, holdoutPercent: 0, dailyBudget: 1000 };

const CASES: Case[] = [
  { label: "1 answer per batch", batches: 20, size: 1, mix: plain, rules: [], budget: true },
  { label: "1 answer with comment + opt-in", batches: 20, size: 1, mix: extras, rules: [], budget: true },
  { label: "25 per batch, one day", batches: 8, size: 25, mix: plain, rules: [], budget: true },
  {
    label: "25 per batch, one day, all with comment + opt-in",
    batches: 8,
    size: 25,
    mix: extras,
    rules: [],
    budget: true,
  },
  {
    label: "25 per batch, one day, kiosk mix (15 % comment, 5 % opt-in)",
    batches: 8,
    size: 25,
    mix: {},
    rules: [],
    budget: true,
  },
  {
    label: "25 per batch over 5 local days (offline queue)",
    batches: 8,
    size: 25,
    mix: {},
    days: 5,
    rules: [],
    budget: true,
  },
  {
    label: "1 answer, surprise win (gift, budget, stock)",
    batches: 10,
    size: 1,
    mix: { ...plain, score: 5 },
    rules: [alwaysWins],
    today: true,
  },
  { label: "25 per batch, demo rule on, today", batches: 8, size: 25, mix: {}, rules: [DEMO_RULE], today: true },
];

/** The answers of one batch, ≥ 6 s apart after `cursor.at`, over `days` local days. */
function batchOf(c: Case, random: () => number, cursor: { at: number }): ResponseItem[] {
  const days = c.days ?? 1;
  const perDay = Math.ceil(c.size / days);
  return Array.from({ length: c.size }, (_, i) => {
    cursor.at += 7_000 + (i > 0 && i % perDay === 0 ? 86_400_000 : 0);
    return makeAnswer(random, new Date(cursor.at), c.mix);
  });
}

export async function run(): Promise<BenchRow[]> {
  const dynamo = await startDynamoLocal();
  const admin = localDynamoClient(dynamo.endpoint);
  const doc = makeDocumentClient({ DYNAMODB_ENDPOINT: dynamo.endpoint });
  const inspect = makeDocumentClient({ DYNAMODB_ENDPOINT: dynamo.endpoint });
  try {
    await ensureTable(admin, TABLE);
    await seedDemo({ tableName: TABLE, endpoint: dynamo.endpoint });
    const table: Table = { doc, name: TABLE };
    const meter = meterCapacity(doc, inspect, TABLE);
    const reported = { units: 0 };
    const devices = makeDeviceRepository(table);
    const rules = makeRulesRepository(table);
    const deps: IngestionDeps = {
      stores: makeStoreRepository(table),
      devices,
      rules,
      writer: makeAnswerWriter(table, {
        onConsumed(units) {
          reported.units += units;
        },
      }),
      clock: systemClock,
    };
    const store = (await deps.stores.get(STORE))!;
    const rows: BenchRow[] = [];
    const samples: Array<{ label: string; answer: ResponseItem }> = [];

    for (const [n, c] of CASES.entries()) {
      // A fresh device per case, so the burst check only ever sees this case's answers.
      const deviceId = `bench-write-cost-${n}`;
      const code = `BENCH${n}`;
      await devices.savePairingCode(code, STORE, new Date(Date.now() + 600_000));
      await devices.pair(code, { storeId: STORE, deviceId, pairedAt: new Date().toISOString() }, new Date());
      const device: Principal = { role: "device", sub: deviceId, storeId: STORE };
      await replaceRules({ rules, clock: systemClock, ids: randomIds }, { role: "admin", sub: "bench" }, c.rules);
      // Multi-day batches restart near the same day (answers older than the device's newest are never a
      // burst), so the whole case stays inside the 30 days ingestion accepts.
      const multiDay = (c.days ?? 1) > 1;
      const span = multiDay ? c.days! * 86_400_000 : c.batches * c.size * 7_000;
      const start = c.today ? Date.now() - span - 60_000 : Date.now() - 20 * 86_400_000;
      const cursor = { at: start };
      const random = seededRandom(100 + n);

      meter.reset();
      reported.units = 0;
      let stored = 0;
      let wins = 0;
      let batch: ResponseItem[] = [];
      for (let b = 0; b < c.batches; b++) {
        if (multiDay) cursor.at = start + b * 600_000;
        batch = batchOf(c, random, cursor);
        // With a rule, the batch's newest answer is the one whose shopper waits at the thank-you (it may win).
        const present = c.rules.length ? batch.at(-1)!.id : undefined;
        const results = await ingestResponses(deps, device, batch, undefined, present);
        stored += results.filter((r) => r.status === "stored").length;
        wins += results.filter((r) => r.surprise).length;
      }
      if (stored !== c.batches * c.size) throw new Error(`${c.label}: only ${stored} answers stored`);
      const m = meter.totals();
      if (m.cancelled > 0) process.stderr.write(`[write-cost] ${c.label}: ${m.cancelled} cancelled transaction(s)\n`);
      const per = (units: number) => round(units / stored, 2);
      const note = c.rules.length ? ` (${wins} win${wins === 1 ? "" : "s"})` : "";
      rows.push(
        {
          metric: `${c.label}${note}: transaction`,
          value: per(m.transactions),
          unit: `WCU/answer (computed; Local reports ${per(reported.units)})`,
        },
        {
          metric: `${c.label}${note}: whole request (the device's update is in the transaction)`,
          value: per(m.table + m.indexes),
          unit: `WCU/answer (table ${per(m.table)} + GSI ${per(m.indexes)})`,
          ...(c.budget ? { budget: `≤ ${TARGET_WCU}`, ok: (m.table + m.indexes) / stored <= TARGET_WCU } : {}),
        },
        { metric: `${c.label}${note}: reads`, value: per(m.read), unit: "RCU/answer (computed)" },
      );
      if (c.size === 1 && !c.rules.length) samples.push({ label: c.label, answer: batch[0]! });
    }
    for (const { label, answer } of samples) rows.push(...(await sizes(inspect, store.timeZone, label, answer)));
    return rows;
  } finally {
    doc.destroy();
    inspect.destroy();
    admin.destroy();
    await dynamo.stop();
  }
}

/** The stored sizes of an answer and of its day aggregate, which drive the units above. */
async function sizes(doc: Table["doc"], timeZone: string, label: string, answer: ResponseItem): Promise<BenchRow[]> {
  const get = async (key: { pk: string; sk: string }) =>
    (await doc.send(new GetCommand({ TableName: TABLE, Key: key }))).Item ?? {};
  const response = await get(keys.response(answer.id));
  const day = await get(keys.storeDay(STORE, localParts(answer.at, timeZone).date));
  return [
    { metric: `${label}: stored answer item`, value: itemSize(response), unit: "bytes" },
    { metric: `${label}: its day aggregate item`, value: itemSize(day), unit: "bytes" },
  ];
}
