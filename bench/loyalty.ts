/**
 * Loyalty at the kiosk, on a fresh in-memory local stack with 1,000 members (made through the repositories: a
 * contact with loyalty consent each, and its member):
 * 1. identify → stamp acknowledged: a paired kiosk sends one identified answer at a time (a member code, online)
 *    and the time until its result says `stamped` is measured, p50/p95 over 200 members (budget p95 ≤ 100 ms);
 * 2. 1,000 members identified concurrently across 10 kiosks of one store: every kiosk identifies every member
 *    (10,000 answers in batches of 25, all kiosks at once), then every member's ledger is read: the visit stamps
 *    of that store must be exactly one per member and local day of their taps (0 extra), and the store's
 *    `stamps` counter must have grown by the same number.
 */
import { randomUUID } from "node:crypto";
import type { SubmitResponsesResponse } from "@sonrisa/shared/schemas/responses";
import { localParts } from "@sonrisa/shared/time";
import { makeDocumentClient, type Table } from "../functions/src/adapters/dynamo/client.ts";
import { makeContactRepository } from "../functions/src/adapters/dynamo/contact-repository.ts";
import { makeMemberRepository } from "../functions/src/adapters/dynamo/member-repository.ts";
import { deriveConsents } from "../functions/src/domain/consent.ts";
import { memberCodeFor, memberIdFor } from "../functions/src/domain/member-join.ts";
import { startLocalStack } from "../functions/src/local/local-stack.ts";
import { DEMO_PROGRAM } from "../functions/src/local/seed-demo.ts";
import { makeApiClient } from "./support/api.ts";
import type { BenchRow } from "./support/report.ts";
import { pool, progress, quantile, round } from "./support/stats.ts";

const MEMBERS = Number(process.env.BENCH_LOYALTY_MEMBERS ?? 1_000);
const KIOSKS = 10;
const LATENCY_SAMPLES = 200;
const BATCH = 25;
const LATENCY_STORE = "mexico-roma";
const CROWD_STORE = "madrid-centro";

interface Member {
  memberId: string;
  code: string;
}

/** Members made as a join would make them: a contact with a loyalty grant, then its member. */
async function makeMembers(table: Table, count: number): Promise<Member[]> {
  const contacts = makeContactRepository(table);
  const members = makeMemberRepository(table);
  const out: Member[] = [];
  const log = progress("loyalty");
  const at = new Date(Date.now() - 40 * 86_400_000).toISOString();
  await pool(count, 8, async (i) => {
    const email = `bench.member.${i}.${randomUUID().slice(0, 6)}@example.com`;
    const { contactId } = await contacts.findOrCreate([{ kind: "email", value: email }], {
      contactId: randomUUID(),
      email,
      storeId: CROWD_STORE,
      at,
    });
    await contacts.append(
      contactId,
      {
        type: "grant",
        recordId: `loyalty.bench-${i}`,
        purposes: ["loyalty"],
        channels: ["email"],
        version: DEMO_PROGRAM.consent.version,
        lang: "es",
        storeId: CROWD_STORE,
        deviceId: "bench",
        answerId: `bench-${i}`,
        at,
        recordedAt: at,
      },
      deriveConsents,
    );
    const memberId = memberIdFor(contactId);
    const code = memberCodeFor(memberId, 0);
    const created = await members.create(
      {
        memberId,
        contactId,
        code,
        secret: "AAAAAAAAAAAAAAAAAAAAAAAAAAA",
        joinedAt: at,
        joinedStore: CROWD_STORE,
        lang: "es",
        rewardsVersion: 0,
      },
      { reason: "join", storeId: CROWD_STORE, localDate: at.slice(0, 10), at },
      { storeId: CROWD_STORE, date: at.slice(0, 10), counters: {} },
    );
    if (created !== "created") throw new Error(`member ${i}: ${created}`);
    out.push({ memberId, code });
    log(() => `${out.length}/${count} members`);
  });
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, streams: false, quiet: true });
  try {
    const table: Table = {
      doc: makeDocumentClient({ DYNAMODB_ENDPOINT: stack.dynamoEndpoint }),
      name: stack.tableName,
    };
    const api = makeApiClient(stack.url);
    const admin = await api.login();
    const members = await makeMembers(table, MEMBERS);

    // 1. One identified answer at a time, online: the time until the kiosk has `stamped`.
    const kiosk = await api.pairDevice(admin, LATENCY_STORE);
    const latencies: number[] = [];
    for (let i = 0; i < Math.min(LATENCY_SAMPLES, members.length); i++) {
      const answer = {
        id: randomUUID(),
        at: new Date(Date.now() - (LATENCY_SAMPLES - i) * 6_000).toISOString(),
        score: 5,
        member: { code: members[i]!.code },
      };
      const { json, ms } = await api.call<SubmitResponsesResponse>("POST", "/v1/responses", {
        token: kiosk.token,
        body: { responses: [answer] },
      });
      if (json.results[0]?.member?.status !== "stamped") {
        throw new Error(`answer ${i}: ${JSON.stringify(json.results[0])}`);
      }
      if (i >= 10) latencies.push(ms); // the first few warm the handlers up
    }

    // 2. Every kiosk of one store identifies every member, all at once.
    const before = await storeStamps(api, admin, CROWD_STORE);
    const kiosks = await Promise.all(Array.from({ length: KIOSKS }, () => api.pairDevice(admin, CROWD_STORE)));
    const expected = new Set<string>();
    const started = performance.now();
    let answers = 0;
    await Promise.all(
      kiosks.map(async (k, ki) => {
        for (let from = 0; from < members.length; from += BATCH) {
          const batch = members.slice(from, from + BATCH).map((m, j) => {
            const at = new Date(Date.now() - ((from + j) * KIOSKS + ki) * 50);
            expected.add(`${m.memberId}/${localParts(at, "Europe/Madrid").date}`);
            return { id: randomUUID(), at: at.toISOString(), score: 4, member: { code: m.code } };
          });
          const { json } = await api.call<SubmitResponsesResponse>("POST", "/v1/responses", {
            token: k.token,
            body: { responses: batch },
          });
          answers += json.results.filter((r) => r.status === "stored").length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const repo = makeMemberRepository(table);
    let visits = 0;
    await pool(members.length, 8, async (i) => {
      const ledger = await repo.ledger(members[i]!.memberId);
      visits += ledger?.stamps.filter((s) => s.reason === "visit" && s.storeId === CROWD_STORE).length ?? 0;
    });
    const after = await storeStamps(api, admin, CROWD_STORE);
    const extra = visits - expected.size;
    const counterExtra = after - before - expected.size;
    table.doc.destroy();
    return [
      {
        metric: "identify → stamp acknowledged, p50 (one answer, online)",
        value: round(quantile(latencies, 0.5)),
        unit: "ms",
      },
      {
        metric: "identify → stamp acknowledged, p95 (one answer, online)",
        value: round(quantile(latencies, 0.95)),
        unit: "ms",
        budget: "≤ 100",
        ok: quantile(latencies, 0.95) <= 100,
      },
      {
        metric: `${members.length} members × ${KIOSKS} kiosks of one store at once: answers stored`,
        value: answers,
        unit: "answers",
      },
      { metric: "the same: answers/s", value: round(answers / seconds), unit: "answers/s" },
      {
        metric: "the same: visit stamps beyond one a member and day (ledgers)",
        value: extra,
        unit: "stamps",
        budget: "0",
        ok: extra === 0,
      },
      {
        metric: "the same: store's stamps counter beyond one a member and day",
        value: counterExtra,
        unit: "stamps",
        budget: "0",
        ok: counterExtra === 0,
      },
    ];
  } finally {
    await stack.stop();
  }
}

async function storeStamps(api: ReturnType<typeof makeApiClient>, token: string, storeId: string): Promise<number> {
  const today = localParts(new Date(), "Europe/Madrid").date;
  const { json } = await api.call<{ members: { stamps: number } }>(
    "GET",
    `/v1/stores/${storeId}/results?from=${today}&to=${today}`,
    { token },
  );
  return json.members.stamps;
}
