/**
 * Follow-ups on a fresh in-memory local stack. (1) 5,000 due follow-up messages of 100 opted-in contacts are
 * sent by the dispatcher (the scheduled job's use case, run back to back as the job would, claim before send)
 * through the local SMTP catcher: messages per second, none sent twice, none missed. (2) Ingestion with 20 %
 * opt-ins, whose contacts, consent records and messages the stream consumer makes meanwhile, against the same
 * kiosks without opt-ins: the throughput ratio (budget ≥ 0.85), and that every opt-in got its contact.
 */
import type { SubmitResponsesResponse } from "@sonrisa/shared/schemas/responses";
import { makeDocumentClient } from "../functions/src/adapters/dynamo/client.ts";
import { loadConfig } from "../functions/src/config.ts";
import { deriveConsents, recordIds } from "../functions/src/domain/consent.ts";
import { dispatchDue } from "../functions/src/domain/dispatch.ts";
import type { MessageRecord } from "../functions/src/domain/ports/message-repository.ts";
import { startLocalStack } from "../functions/src/local/local-stack.ts";
import { makeDeps } from "../functions/src/wiring.ts";
import { makeAnswer, seededRandom } from "./support/answers.ts";
import { type ApiClient, makeApiClient } from "./support/api.ts";
import type { BenchRow } from "./support/report.ts";
import { round } from "./support/stats.ts";

const MESSAGES = Number(process.env.BENCH_FOLLOWUP_MESSAGES ?? 5_000);
const CONTACTS = 100;
const ANSWERS_PER_PASS = Number(process.env.BENCH_FOLLOWUP_ANSWERS ?? 5_000);
const KIOSKS_PER_STORE = { "madrid-centro": 4, "barcelona-gracia": 3, "mexico-roma": 3 } as const;
const BATCH = 25;
const MIN_GAP_MS = 6_000;

export async function run(): Promise<BenchRow[]> {
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true });
  try {
    const config = loadConfig();
    const deps = makeDeps(config, { doc: makeDocumentClient(config), name: config.TABLE_NAME });
    const rows = [
      ...(await dispatchRows(deps, stack.mailbox)),
      ...(await ingestionRows(makeApiClient(stack.url), deps, stack)),
    ];
    return rows;
  } finally {
    await stack.stop();
  }
}

type Deps = ReturnType<typeof makeDeps>;
type Stack = Awaited<ReturnType<typeof startLocalStack>>;

async function dispatchRows(deps: Deps, mailbox: Stack["mailbox"]): Promise<BenchRow[]> {
  const now = new Date();
  process.stderr.write(`[follow-ups] ${CONTACTS} contacts, ${MESSAGES} due messages\n`);
  const contactIds: string[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    const email = `bench.${i}@example.com`;
    const { contactId } = await deps.contacts.findOrCreate([{ kind: "email", value: email }], {
      contactId: `bench-contact-${i}`,
      email,
      storeId: "madrid-centro",
      at: now.toISOString(),
    });
    await deps.contacts.append(
      contactId,
      {
        type: "grant",
        recordId: recordIds.grant(`bench-${i}`),
        purposes: ["marketing"],
        channels: ["email"],
        version: "2026-11",
        lang: "es",
        storeId: "madrid-centro",
        deviceId: "bench",
        answerId: `bench-${i}`,
        at: now.toISOString(),
        recordedAt: now.toISOString(),
      },
      deriveConsents,
    );
    contactIds.push(contactId);
  }
  const made: string[] = [];
  for (let i = 0; i < MESSAGES; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, MESSAGES - i) }, (_, j) => {
        const n = i + j;
        const message: MessageRecord = {
          messageId: `bench-${n}.bench`,
          kind: "follow-up",
          ruleId: "bench",
          answerId: `bench-${n}`,
          storeId: "madrid-centro",
          contactId: contactIds[n % CONTACTS]!,
          channel: "email",
          lang: "es",
          status: "pending",
          to: [`bench.${n % CONTACTS}@example.com`],
          subject: "Gracias por tu visita",
          text: `Gracias. Darme de baja: http://127.0.0.1/u/bench-${n}\n`,
          html: "<p>Gracias.</p>",
          links: [],
          unsubscribeUrl: `http://127.0.0.1/u/bench-${n}`,
          dueAt: new Date(now.getTime() - 60_000).toISOString(),
          createdAt: now.toISOString(),
          capDays: 0,
          attempts: 0,
          clicks: 0,
        };
        made.push(message.messageId);
        return deps.messages.create(message);
      }),
    );
  }

  const seen = new Map<string, number>();
  const stop = mailbox.subscribe((mail) => {
    const id = mail.headers["x-sonrisa-message"] ?? "";
    seen.set(id, (seen.get(id) ?? 0) + 1);
  });
  const started = performance.now();
  let runs = 0;
  for (;;) {
    const summary = await dispatchDue(deps, { limit: 500, concurrency: 8 });
    runs++;
    if (runs % 4 === 0) process.stderr.write(`[follow-ups] dispatched ${seen.size}/${MESSAGES}\n`);
    const touched = summary.sent + summary.failed + summary.unknown + summary.retry + summary.skipped + summary.expired;
    if (touched === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  stop();
  const twice = [...seen.values()].filter((n) => n > 1).length;
  const missed = made.filter((id) => !seen.has(id)).length;
  return [
    {
      metric: `${MESSAGES} due messages through the SMTP catcher: rate`,
      value: round(seen.size / seconds, 0),
      unit: "messages/s",
    },
    { metric: "dispatcher runs (500 a run, 8 at once)", value: runs - 1, unit: "runs" },
    { metric: "messages sent twice", value: twice, unit: "messages", budget: "= 0", ok: twice === 0 },
    { metric: "messages missed", value: missed, unit: "messages", budget: "= 0", ok: missed === 0 },
  ];
}

interface Kiosk {
  token: string;
  next: number;
  random: () => number;
}

/** All kiosks at once, each its share in sequential batches of 25; answers/s and opt-ins sent. */
async function pass(api: ApiClient, kiosks: Kiosk[], answers: number, optIn: number) {
  const perKiosk = Math.ceil(answers / kiosks.length);
  let sent = 0;
  let optIns = 0;
  const started = performance.now();
  await Promise.all(
    kiosks.map(async (kiosk) => {
      for (let done = 0; done < perKiosk; done += BATCH) {
        const responses = Array.from({ length: Math.min(BATCH, perKiosk - done) }, () => {
          const at = new Date(kiosk.next);
          kiosk.next += MIN_GAP_MS + kiosk.random() * 2_000;
          const answer = makeAnswer(kiosk.random, at, { optIn });
          if (answer.optIn) answer.optIn.email = `opt.${answer.id}@example.com`; // one contact per opt-in
          return answer;
        });
        const { json } = await api.call<SubmitResponsesResponse>("POST", "/v1/responses", {
          token: kiosk.token,
          body: { responses },
        });
        sent += json.results.filter((r) => r.status === "stored").length;
        optIns += responses.filter((r) => r.optIn).length;
      }
    }),
  );
  return { answers: sent, optIns, seconds: (performance.now() - started) / 1000 };
}

async function ingestionRows(api: ApiClient, deps: Deps, stack: Stack): Promise<BenchRow[]> {
  const admin = await api.login();
  await api.call("PUT", "/v1/surprise-rules", { token: admin, body: { rules: [] } });
  const kiosks: Kiosk[] = [];
  const start = Date.now() - 25 * 86_400_000;
  for (const [storeId, count] of Object.entries(KIOSKS_PER_STORE)) {
    for (let i = 0; i < count; i++) {
      const { token } = await api.pairDevice(admin, storeId);
      kiosks.push({ token, next: start, random: seededRandom(100 + kiosks.length) });
    }
  }
  process.stderr.write(`[follow-ups] warm-up, then ${ANSWERS_PER_PASS} answers without opt-ins, then with 20 %\n`);
  await pass(api, kiosks, 2_000, 0);
  await stack.streams?.drain();
  const plain = await pass(api, kiosks, ANSWERS_PER_PASS, 0);
  await stack.streams?.drain();
  // Recent taps, so their messages are really rendered and queued (not expired as synced too late).
  const perKiosk = Math.ceil(ANSWERS_PER_PASS / kiosks.length);
  for (const k of kiosks) k.next = Math.max(k.next, Date.now() - perKiosk * 8_000 - 5 * 60_000);
  const withOptIns = await pass(api, kiosks, ANSWERS_PER_PASS, 0.2);
  const drainStarted = performance.now();
  await stack.streams?.drain();
  const lag = (performance.now() - drainStarted) / 1000;
  const contacts = await countActiveContacts(deps);
  const ratio = withOptIns.answers / withOptIns.seconds / (plain.answers / plain.seconds);
  return [
    { metric: "ingestion without opt-ins", value: round(plain.answers / plain.seconds, 0), unit: "answers/s" },
    {
      metric: `ingestion with 20 % opt-ins (${withOptIns.optIns} contacts and their messages)`,
      value: round(withOptIns.answers / withOptIns.seconds, 0),
      unit: "answers/s",
    },
    { metric: "with opt-ins / without", value: round(ratio, 2), unit: "×", budget: "≥ 0.85", ok: ratio >= 0.85 },
    { metric: "stream consumer still catching up after the pass", value: round(lag, 1), unit: "s" },
    {
      metric: "contacts made = opt-ins sent (plus the 100 of the dispatch part)",
      value: contacts,
      unit: "contacts",
      budget: `= ${withOptIns.optIns + CONTACTS}`,
      ok: contacts === withOptIns.optIns + CONTACTS,
    },
  ];
}

async function countActiveContacts(deps: Deps): Promise<number> {
  let n = 0;
  for await (const page of deps.contacts.allActive()) n += page.length;
  return n;
}
