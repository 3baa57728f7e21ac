/**
 * API test helpers: the local API server in-process, on the run's DynamoDB Local, with a fresh table per
 * test file. Vitest runs each file in its own process, and handlers read their configuration once at
 * import, so the environment is set once per process (the first `startApi`) and kept after.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";
import { createApiServer, listen } from "../../functions/src/local/api-server.ts";
import { ensureTable, localDynamoClient } from "../../functions/src/local/ensure-table.ts";
import { makeLog } from "../../functions/src/local/log.ts";
import { type Mailbox, startMailCatcher } from "../../functions/src/local/mail-catcher.ts";

export interface RequestOptions {
  token?: string;
  /** Sent as JSON with `content-type: application/json`. */
  body?: unknown;
  /** Sent as is (set the content type in `headers`). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
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
  /** The handlers' clock (the real one, or the one `startApi({ clockAt })` set for this file). */
  now(): Date;
  request<T = AnyJson>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  /** An admin or marketing token; throws unless the login succeeds. */
  login(email: string, password: string): Promise<string>;
  /** A staff token for the store; throws unless the login succeeds. */
  staffLogin(storeId: string, pin: string): Promise<string>;
  /** A device token for the store (as the demo admin: create a pairing code, then pair). */
  pairDevice(storeId: string): Promise<string>;
  stop(): Promise<void>;
}

export const DEMO_ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" } as const;

interface ProcessEnv {
  tableName: string;
  dynamoEndpoint: string;
  mailbox: Mailbox;
  clockOffsetMs: number;
}
let processEnv: Promise<ProcessEnv> | undefined;

export interface StartOptions {
  /** Seed the demo organisation (default true). */
  seed?: boolean;
  /** Serve these files. */
  staticDir?: string;
  /**
   * Run the handlers' clock from this instant (the clock port, moved by SONRISA_CLOCK_OFFSET_MS), so a test
   * never depends on the hour it runs at; set by the file's first `startApi`.
   */
  clockAt?: string;
}

/** Starts the API on a free port, with the demo organisation unless `seed: false`. */
export async function startApi(opts: StartOptions = {}): Promise<TestApi> {
  processEnv ??= prepareProcess(opts.clockAt ? Date.parse(opts.clockAt) - Date.now() : 0);
  const { tableName, dynamoEndpoint, mailbox, clockOffsetMs } = await processEnv;
  if (opts.seed ?? true) await seedDemo(tableName, dynamoEndpoint);
  const server = createApiServer({
    staticDir: opts.staticDir ?? fileURLToPath(new URL("./no-static-dir", import.meta.url)),
    log: makeLog({ quiet: !process.env.DEBUG }),
  });
  const http = await listen(server, 0);
  process.env.PUBLIC_URL ??= http.url;

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
    const res = await fetch(`${http.url}${path}`, { method, headers, body });
    const text = await res.text();
    let json: T = undefined as T;
    try {
      json = JSON.parse(text) as T;
    } catch {
      // not JSON: leave json undefined
    }
    return { status: res.status, json, text, headers: Object.fromEntries(res.headers) };
  };
  const tokenFrom = async (path: string, body: unknown, field: string): Promise<string> => {
    const res = await request("POST", path, { body });
    const token = res.json?.[field];
    if (typeof token !== "string") throw new Error(`${path} answered ${res.status}: ${res.text}`);
    return token;
  };
  const login = (email: string, password: string) => tokenFrom("/v1/auth/login", { email, password }, "token");
  return {
    url: http.url,
    tableName,
    dynamoEndpoint,
    mailbox,
    now: () => new Date(Date.now() + clockOffsetMs),
    request,
    login,
    staffLogin: (storeId, pin) => tokenFrom("/v1/auth/staff", { storeId, pin }, "token"),
    async pairDevice(storeId) {
      const token = await login(DEMO_ADMIN.email, DEMO_ADMIN.password);
      const created = await request("POST", `/v1/stores/${encodeURIComponent(storeId)}/pairing-codes`, { token });
      if (created.status !== 201) throw new Error(`pairing code: ${created.status} ${created.text}`);
      return tokenFrom("/v1/devices/pair", { code: created.json.code }, "deviceToken");
    },
    stop: http.close,
  };
}

/** A table of its own for this file, a mail catcher, and the handlers' environment, once per process. */
async function prepareProcess(clockOffsetMs: number): Promise<ProcessEnv> {
  const dynamoEndpoint = inject("dynamoEndpoint");
  const tableName = `sonrisa-test-${randomUUID().slice(0, 8)}`;
  const client = localDynamoClient(dynamoEndpoint);
  await ensureTable(client, tableName).finally(() => client.destroy());
  const mail = await startMailCatcher({ log: makeLog({ quiet: true }) });
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
    MAIL_FROM: "Sonrisa <no-reply@sonrisa.local>",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "ERROR",
    ...(clockOffsetMs ? { SONRISA_CLOCK_OFFSET_MS: String(Math.round(clockOffsetMs)) } : {}),
  });
  return { tableName, dynamoEndpoint, mailbox: mail.mailbox, clockOffsetMs: Math.round(clockOffsetMs) };
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
