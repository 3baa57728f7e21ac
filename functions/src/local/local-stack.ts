/**
 * The whole product on one machine: DynamoDB Local, the table, the demo organisation, a mail catcher,
 * the local origin (API handlers, PWA, /mail) and the job timers. Used by `npm start` and by tests.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { SurpriseRule } from "@sonrisa/shared/schemas/surprises";
import { scryptHasher } from "../adapters/auth/password-hasher.ts";
import { systemClock } from "../adapters/clock.ts";
import { reportDemoHistoryProgress } from "../adapters/demo-history-progress.ts";
import { makeDocumentClient } from "../adapters/dynamo/client.ts";
import { makeUserRepository } from "../adapters/dynamo/user-repository.ts";
import { randomIds } from "../adapters/ids.ts";
import type { DispatchSummary } from "../domain/dispatch.ts";
import { createFirstAdmin } from "../domain/users.ts";
import { createApiServer, defaultStaticDir, listen } from "./api-server.ts";
import { loadOrCreateAuthKey } from "./auth-key.ts";
import type { HistoryReport } from "./demo-history.ts";
import { startDynamoLocal } from "./dynamo-local.ts";
import { ensureTable, localDynamoClient } from "./ensure-table.ts";
import { describeError, makeLog } from "./log.ts";
import { type Mailbox, startMailCatcher } from "./mail-catcher.ts";
import { makeMailPages } from "./mail-pages.ts";
import { startScheduler } from "./scheduler.ts";
import { type SmsBox, startSmsCatcher } from "./sms-catcher.ts";
import { type StreamPoller, startStreamPoller } from "./stream-poller.ts";

// The AWS SDK warns on Node 20; Lambda runs Node 22, and Node 20 is what local machines may have.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const LOCAL_TABLE_NAME = "sonrisa-local";

export interface LocalStackOptions {
  /** 0 = a free port; default PORT or 8080. */
  port?: number;
  host?: string;
  /** Persist DynamoDB (`<dataDir>/dynamodb`), the auth key and caught mail here; omitted = all in memory. */
  dataDir?: string;
  /** The built PWA; default kiosk-web/dist. */
  staticDir?: string;
  /** Seed the demo organisation (idempotent); default true. */
  seed?: boolean;
  /**
   * With the demo organisation, also its past (demo-history.ts: about 90 days of answers, wins and gifts,
   * loaded once; later starts add only the days since); default false, so tests start from a clean slate.
   * It loads in the background once the origin listens (`historyLoaded`; /v1/health says how far it is), and
   * the stream consumers and job timers start when it is done.
   */
  history?: boolean;
  /** The first admin, created when no user exists yet (SONRISA_ADMIN_EMAIL and SONRISA_ADMIN_PASSWORD). */
  firstAdmin?: { email: string; password: string };
  /** Run the job timers (all, none, or the jobs named); default true. */
  scheduler?: boolean | readonly string[];
  /** Read the table's stream and run its consumers (contacts, follow-ups, alerts); default true. */
  streams?: boolean;
  /** Only errors on the console. */
  quiet?: boolean;
  /** The browser tests' hooks (moving the handlers' clock); only tests/e2e/support/serve.ts sets it. */
  testHooks?: boolean;
  /** The token-signing key (base64, 32 bytes); default the one in dataDir, or a fresh one in memory. */
  authKey?: string;
}

/**
 * The past's follow-ups once the history was loaded (sendPastFollowUps): what the dispatcher's runs did, when
 * the stream's consumers had planned them (`drainedMs`) and when they were sent (`ms`), both counted from the
 * end of the load.
 */
export type PastFollowUps = DispatchSummary & { drainedMs: number; ms: number };

export interface LocalStack {
  url: string;
  port: number;
  dynamoEndpoint: string;
  /** DynamoDB Local's Java process now (it changes when the stack restarts it). */
  dynamoPid(): number | undefined;
  tableName: string;
  mailUrl: string;
  smtpUrl: string;
  mailbox: Mailbox;
  /**
   * With `history`: resolves when the demo's past is loaded, with what it wrote and how long it took (the
   * stream consumers and the job timers have started by then). It never rejects: a failed load is logged,
   * resolves undefined, and is sent again on the next start.
   */
  historyLoaded?: Promise<(HistoryReport & { ms: number; followUps?: PastFollowUps }) | undefined>;
  /** What became of `firstAdmin`: created, or skipped because users exist; undefined without one. */
  firstAdmin?: "created" | "users_exist";
  smsBox: SmsBox;
  /** The stream poller, when running. */
  streams?: StreamPoller;
  /** Closes everything in reverse order; safe to call more than once. */
  stop(): Promise<void>;
}

const seedFile = fileURLToPath(new URL("./seed-demo.ts", import.meta.url));

/** Starts the stack; on a failure part-way, stops what was already started and rethrows. */
export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const log = makeLog({ quiet: opts.quiet });
  const host = opts.host ?? "127.0.0.1";
  const wantedPort = opts.port ?? Number(process.env.PORT ?? 8080);
  const tableName = LOCAL_TABLE_NAME;
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => log.error(`while stopping: ${describeError(error)}`));
    }
  };
  const started = performance.now();
  const phase = (name: string) => log.debug(`${name} after ${Math.round(performance.now() - started)} ms`);
  try {
    // Supervised: if Java dies, it is started again on the same port and data, and the table (and in
    // memory, the demo organisation) made again before it counts as back; /v1/health says 503 meanwhile.
    const seedOnRestart = opts.seed ?? true;
    const withHistory = seedOnRestart && (opts.history ?? false);
    const dynamo = await startDynamoLocal({
      dbPath: opts.dataDir ? join(opts.dataDir, "dynamodb") : undefined,
      supervise: {
        log,
        async onRestart(endpoint) {
          const again = localDynamoClient(endpoint);
          await ensureTable(again, tableName).finally(() => again.destroy());
          if (seedOnRestart) await seed(tableName, endpoint, log);
          if (withHistory) await loadHistory(tableName, endpoint).finally(() => reportDemoHistoryProgress(undefined));
        },
      },
    });
    cleanups.push(dynamo.stop);
    const client = localDynamoClient(dynamo.endpoint);
    phase("DynamoDB Local answered");
    await ensureTable(client, tableName).finally(() => client.destroy());
    phase("table ready");

    // Handlers read their configuration once, at import: all of it is set before the first request.
    setEnv({
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "local",
      AWS_SECRET_ACCESS_KEY: "local",
      SONRISA_MODE: "local",
      AUTH_KEY: opts.authKey ?? loadOrCreateAuthKey(opts.dataDir),
      MAIL_FROM: process.env.MAIL_FROM ?? "Sonrisa <no-reply@sonrisa.local>",
      LOG_LEVEL: process.env.LOG_LEVEL ?? (opts.quiet ? "ERROR" : "INFO"),
    });
    delete process.env.AWS_PROFILE; // a developer's profile must not leak into the local SDK clients

    if (opts.seed ?? true) await seed(tableName, dynamo.endpoint, log);
    phase("demo organisation seeded");
    const firstAdmin = opts.firstAdmin
      ? await createFirstAdmin(
          {
            users: makeUserRepository({
              doc: makeDocumentClient({ DYNAMODB_ENDPOINT: dynamo.endpoint }),
              name: tableName,
            }),
            secrets: scryptHasher,
            ids: randomIds,
            clock: systemClock,
          },
          opts.firstAdmin.email,
          opts.firstAdmin.password,
        )
      : undefined;

    const mail = await startMailCatcher({ dataDir: opts.dataDir, log });
    cleanups.push(mail.stop);
    const sms = await startSmsCatcher({ dataDir: opts.dataDir, log });
    cleanups.push(sms.stop);
    setEnv({ SMTP_URL: mail.smtpUrl, SMS_URL: sms.url });

    const server = createApiServer({
      staticDir: opts.staticDir ?? defaultStaticDir,
      mailPages: makeMailPages(mail.mailbox, sms.box),
      log,
      ...(opts.testHooks ? { testHooks: true } : {}),
    });
    const http = await listen(server, wantedPort, host);
    setEnv({ PUBLIC_URL: process.env.PUBLIC_URL ?? http.url }); // same tick as the bind: before any request
    cleanups.push(http.close);

    let stopping: Promise<void> | undefined;
    const running: { streams?: StreamPoller } = {};
    // The consumers and jobs after the past: they would compete with it for DynamoDB Local's one database
    // thread, and the consumers would start on the stream while it is still being written. A past loaded
    // just now (`pastBefore`: when its load began, how many answers it had) has follow-ups: the consumers plan them, then they are sent
    // at their own moments, before today's dispatcher (a scheduler job) would find them too late.
    const startBackground = async (pastBefore?: { began: Date; loadedAnswers: number }) => {
      if (stopping) return;
      let past: PastFollowUps | undefined;
      if (opts.streams ?? true) {
        const poller = await startStreamPoller({ endpoint: dynamo.endpoint, tableName, dataDir: opts.dataDir, log });
        cleanups.push(poller.stop);
        running.streams = poller;
        if (pastBefore) past = await sendPast(poller, pastBefore.loadedAnswers, pastBefore.began);
      }
      if (stopping) return past;
      const scheduler = opts.scheduler ?? true;
      if (scheduler) {
        cleanups.push(
          startScheduler({ log, ...(scheduler === true ? {} : { only: scheduler, firstRunAfterMs: 1_000 }) }).stop,
        );
      }
      return past;
    };
    const sendPast = async (
      poller: StreamPoller,
      answers: number,
      before: Date,
    ): Promise<PastFollowUps | undefined> => {
      const started = performance.now();
      reportDemoHistoryProgress({ stage: "follow-ups", planned: answers, stored: answers });
      try {
        await poller.drain();
        const drainedMs = Math.round(performance.now() - started);
        const { sendPastFollowUps } = await import("./demo-history.ts");
        const sent = await sendPastFollowUps({ tableName, endpoint: dynamo.endpoint, until: before });
        return { ...sent, drainedMs, ms: Math.round(performance.now() - started) };
      } catch (error) {
        if (!stopping) log.error(`the demo's past follow-ups were not sent: ${describeError(error)}`);
        return undefined;
      }
    };
    let historyLoaded: LocalStack["historyLoaded"];
    if (withHistory) {
      const began = new Date();
      historyLoaded = loadHistory(tableName, dynamo.endpoint)
        .then(
          async (report) => {
            const past = report.days > 0 ? { began, loadedAnswers: report.answers } : undefined;
            const followUps = await startBackground(past);
            return { ...report, ...(followUps ? { followUps } : {}) };
          },
          async (error: unknown) => {
            if (!stopping)
              log.error(`the demo history did not load (the next start tries again): ${describeError(error)}`);
            await startBackground();
            return undefined;
          },
        )
        .finally(() => reportDemoHistoryProgress(undefined));
    } else {
      await startBackground();
    }
    phase("listening");

    return {
      url: http.url,
      port: http.port,
      dynamoEndpoint: dynamo.endpoint,
      dynamoPid: dynamo.pid,
      tableName,
      mailUrl: `${http.url}/mail`,
      smtpUrl: mail.smtpUrl,
      mailbox: mail.mailbox,
      ...(firstAdmin ? { firstAdmin } : {}),
      ...(historyLoaded ? { historyLoaded } : {}),
      smsBox: sms.box,
      get streams() {
        return running.streams;
      },
      stop: () => {
        stopping ??= stopAll();
        return stopping;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function setEnv(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) process.env[name] = value;
}

type SeedModule = { seedDemo(opts: { tableName: string; endpoint: string }): Promise<unknown> };

/**
 * Loads the demo's past days not loaded yet (nothing on a restart the same day), telling /v1/health how far it
 * is meanwhile (adapters/demo-history-progress.ts).
 */
async function loadHistory(tableName: string, endpoint: string) {
  const started = performance.now();
  // Loading from the first moment, before the loader knows its days: a page opened now waits for it. It
  // stays until the stack has done with the past (its follow-ups sent too), which clears it.
  reportDemoHistoryProgress({ stage: "answers", planned: 0, stored: 0 });
  // Imported only now, after the functions' environment is set: their logger reads LOG_LEVEL when loaded.
  const { loadDemoHistory } = await import("./demo-history.ts");
  // With a new past, the demo rule's effect page gets people to follow: 300 identified shoppers over the
  // same 90 days with a known effect (demo-effect.ts: 15 % come back within 30 days, winners 40 points more),
  // fed to the same use case the stream consumer runs, beside the history's last weeks. Keyed like everything
  // else: a rerun adds nothing.
  const report = await loadDemoHistory({
    tableName,
    endpoint,
    alongside: seedEffect,
    onProgress: (progress) => reportDemoHistoryProgress({ stage: "answers", ...progress }),
  });
  return { ...report, ms: Math.round(performance.now() - started) };
}

/** The effect page's demo people (demo-effect.ts), for the demo rule in the two Spanish stores; after the stack set the environment. */
export async function seedEffect(): Promise<void> {
  const { DEMO_RULE } = (await import(pathToFileURL(seedFile).href)) as { DEMO_RULE: SurpriseRule };
  const [{ seedDemoEffect }, { makeDeps }, { loadConfig }] = await Promise.all([
    import("./demo-effect.ts"),
    import("../wiring.ts"),
    import("../config.ts"),
  ]);
  const config = loadConfig();
  // As the history's own client: no wait for each local commit to be on disk (makeDocumentClient). A load
  // DynamoDB Local dies in is not marked done, and the next start feeds the same people again, keyed.
  const doc = makeDocumentClient(config, { localCommitWait: false });
  try {
    await seedDemoEffect(makeDeps(config, { doc, name: config.TABLE_NAME }), {
      rule: DEMO_RULE,
      storeIds: ["madrid-centro", "barcelona-gracia"],
      timeZone: "Europe/Madrid",
      end: new Date(),
      people: 300,
      plan: { baseReturn: 0.15, uplift: 0.4, lateReturn: 0.1 },
    });
  } finally {
    doc.destroy();
  }
}

/** Seeds the demo organisation through seed-demo.ts (idempotent); skipped with a warning until it exists. */
async function seed(tableName: string, endpoint: string, log: ReturnType<typeof makeLog>): Promise<void> {
  if (!existsSync(seedFile)) {
    log.warn("functions/src/local/seed-demo.ts does not exist yet: the demo organisation is not seeded");
    return;
  }
  const mod = (await import(pathToFileURL(seedFile).href)) as SeedModule;
  await mod.seedDemo({ tableName, endpoint });
}
