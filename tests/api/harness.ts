/**
 * API test helpers: the local API server in-process, on the run's DynamoDB Local, with a fresh table per
 * test file. Vitest runs each file in its own process, and handlers read their configuration once at
 * import, so the environment is set once per process (the first `startApi`) and kept after.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";
import { systemClock } from "../../functions/src/adapters/clock.ts";
import { createApiServer, listen } from "../../functions/src/local/api-server.ts";
import { ensureTable, localDynamoClient } from "../../functions/src/local/ensure-table.ts";
import { makeLog } from "../../functions/src/local/log.ts";
import { type Mailbox, startMailCatcher } from "../../functions/src/local/mail-catcher.ts";
import { type SmsBox, startSmsCatcher } from "../../functions/src/local/sms-catcher.ts";
import { type StreamPoller, startStreamPoller } from "../../functions/src/local/stream-poller.ts";
import { realDeps } from "../../functions/src/wiring.ts";

export interface RequestOptions {
  token?: string;
  /** Sent as JSON with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is (set the content type in `headers`). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Send from this local address (any of 127.0.0.0/8), to act as another client. */
  from?: string;
}

/** Response bodies are read by shape in tests (`res.json.error.code`); the assertions are the check. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyJson = any;

export interface ApiResponse<T = AnyJson> {
  status: number;
  /** The parsed body, or undefined when it is not JSON. */
  json: T;
  text: string;
  /** Lower-case names. */
  headers: Record<string, string>;
}

export interface TestApi {
  url: string;
  tableName: string;
  dynamoEndpoint: string;
  /** Mail the functions sent during this file. */
  mailbox: Mailbox;
  /** Text messages the functions sent during this file. */
  smsBox: SmsBox;
  /** With `streams: true`: the poller of the file's table stream, running the stream consumers. */
  streams?: StreamPoller;
  /** The handlers' clock (the real one, or the one `startApi({ clockAt })` set for this file). */
  now(): Date;
  request<T = AnyJson>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  /** An admin or marketing token; throws unless the login succeeds. */
  login(email: string, password: string): Promise<string>;
  /** A staff token for the store; throws unless the login succeeds. */
  staffLogin(storeId: string, pin: string): Promise<string>;
  /** A device token for the store (as the demo admin: create a pairing code, then pair). */
  pairDevice(storeId: string): Promise<string>;
  /**
   * Moves the handlers' clock (the clock port of the real dependencies) by `ms` from now, or back to the
   * system clock with 0. Tokens are still checked against the real time.
   */
  shiftClock(ms: number): void;
  stop(): Promise<void>;
}

export const DEMO_ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" } as const;

interface ProcessEnv {
  tableName: string;
  dynamoEndpoint: string;
  mailbox: Mailbox;
  smsBox: SmsBox;
  clockOffsetMs: number;
}
let processEnv: Promise<ProcessEnv> | undefined;

export interface StartOptions {
  /** Seed the demo organisation (default true). */
  seed?: boolean;
  /** Serve these files. */
  staticDir?: string;
  /** Run the table's stream consumers as the local stack does (contacts, follow-ups, alerts). */
  streams?: boolean;
  /**
   * Run the handlers' clock from this instant (the clock port, moved by SONRISA_CLOCK_OFFSET_MS), so a test
   * never depends on the hour it runs at; set by the file's first `startApi`.
   */
  clockAt?: string;
}

/** Starts the API on a free port, with the demo organisation unless `seed: false`. */
export async function startApi(opts: StartOptions = {}): Promise<TestApi> {
  processEnv ??= prepareProcess(opts.clockAt ? Date.parse(opts.clockAt) - Date.now() : 0);
  const { tableName, dynamoEndpoint, mailbox, smsBox, clockOffsetMs } = await processEnv;
  if (opts.seed ?? true) await seedDemo(tableName, dynamoEndpoint);
  const server = createApiServer({
    staticDir: opts.staticDir ?? fileURLToPath(new URL("./no-static-dir", import.meta.url)),
    log: makeLog({ quiet: !process.env.DEBUG }),
  });
  const http = await listen(server, 0);
  process.env.PUBLIC_URL ??= http.url;
  const streams = opts.streams
    ? await startStreamPoller({
        endpoint: dynamoEndpoint,
        tableName,
        log: makeLog({ quiet: !process.env.DEBUG }),
        idleMs: 100,
      })
    : undefined;

  const request = async <T = AnyJson>(
    method: string,
    path: string,
    o: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const raw = o.rawBody;
    let body: string | Uint8Array<ArrayBuffer> | undefined = typeof raw === "string" ? raw : raw && new Uint8Array(raw);
    if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers["content-type"] ??= "application/json";
    }
    const res = o.from
      ? await sendFrom(o.from, `${http.url}${path}`, method, headers, body)
      : await fetch(`${http.url}${path}`, { method, headers, body, redirect: "manual" }).then(async (r) => ({
          status: r.status,
          text: await r.text(),
          headers: Object.fromEntries(r.headers) as Record<string, string>,
        }));
    let json: T = undefined as T;
    try {
      json = JSON.parse(res.text) as T;
    } catch {
      // not JSON: leave json undefined
    }
    return { ...res, json };
  };
  const tokenFrom = async (path: string, body: unknown, field: string): Promise<string> => {
    const res = await request("POST", path, { body });
    const token = res.json?.[field];
    if (typeof token !== "string") throw new Error(`${path} answered ${res.status}: ${res.text}`);
    return token;
  };
  const login = (email: string, password: string) => tokenFrom("/v1/auth/login", { email, password }, "token");
  let adminToken: Promise<string> | undefined;
  let pairings: Promise<unknown> = Promise.resolve();
  return {
    url: http.url,
    tableName,
    dynamoEndpoint,
    mailbox,
    smsBox,
    ...(streams ? { streams } : {}),
    now: () => new Date(Date.now() + clockOffsetMs),
    request,
    login,
    staffLogin: (storeId, pin) => tokenFrom("/v1/auth/staff", { storeId, pin }, "token"),
    async pairDevice(storeId) {
      // One sign-in for all pairings (tests pair 20 kiosks at once; 20 sign-ins at once would be throttled),
      // again when the session ended (a test changed the admin).
      const path = `/v1/stores/${encodeURIComponent(storeId)}/pairing-codes`;
      adminToken ??= login(DEMO_ADMIN.email, DEMO_ADMIN.password);
      let created = await request("POST", path, { token: await adminToken });
      if (created.status === 401) {
        adminToken = login(DEMO_ADMIN.email, DEMO_ADMIN.password);
        created = await request("POST", path, { token: await adminToken });
      }
      if (created.status !== 201) throw new Error(`pairing code: ${created.status} ${created.text}`);
      // One pairing at a time: pairing attempts in flight from one address count towards its guess limit.
      const paired = pairings.then(() => tokenFrom("/v1/devices/pair", { code: created.json.code }, "deviceToken"));
      pairings = paired.catch(() => undefined);
      return paired;
    },
    shiftClock(ms) {
      realDeps().clock = ms === 0 ? systemClock : { now: () => new Date(Date.now() + ms) };
    },
    async stop() {
      await streams?.stop();
      await http.close();
    },
  };
}

/** One request from a chosen local source address (fetch cannot bind one). */
function sendFrom(
  localAddress: string,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString("utf8"),
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A table of its own for this file, a mail catcher, and the handlers' environment, once per process. */
async function prepareProcess(clockOffsetMs: number): Promise<ProcessEnv> {
  const dynamoEndpoint = inject("dynamoEndpoint");
  const tableName = `sonrisa-test-${randomUUID().slice(0, 8)}`;
  const client = localDynamoClient(dynamoEndpoint);
  await ensureTable(client, tableName).finally(() => client.destroy());
  const mail = await startMailCatcher({ log: makeLog({ quiet: true }) });
  const sms = await startSmsCatcher({ log: makeLog({ quiet: true }) });
  Object.assign(process.env, {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    SONRISA_MODE: "local",
    AUTH_KEY: randomBytes(32).toString("base64"),
    SMTP_URL: mail.smtpUrl,
    SMS_URL: sms.url,
    MAIL_FROM: "Sonrisa <no-reply@sonrisa.local>",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "ERROR",
    ...(clockOffsetMs ? { SONRISA_CLOCK_OFFSET_MS: String(Math.round(clockOffsetMs)) } : {}),
  });
  return {
    tableName,
    dynamoEndpoint,
    mailbox: mail.mailbox,
    smsBox: sms.box,
    clockOffsetMs: Math.round(clockOffsetMs),
  };
}

const seedFile = fileURLToPath(new URL("../../functions/src/local/seed-demo.ts", import.meta.url));

async function seedDemo(tableName: string, endpoint: string): Promise<void> {
  if (!existsSync(seedFile))
    throw new Error("functions/src/local/seed-demo.ts does not exist: use startApi({ seed: false })");
  const mod = (await import(pathToFileURL(seedFile).href)) as {
    seedDemo(o: { tableName: string; endpoint: string }): Promise<void>;
  };
  await mod.seedDemo({ tableName, endpoint });
}
