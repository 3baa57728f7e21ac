/**
 * `npm start`: the whole product on http://127.0.0.1:8080 (PORT to change), data kept in `.data/`.
 * The demo organisation comes with about 90 days of history (loaded on the first start);
 * `SONRISA_DEMO=empty-history` keeps the organisation without it, `SONRISA_DEMO=off` starts without both; `SONRISA_ADMIN_EMAIL` and `SONRISA_ADMIN_PASSWORD`
 * (12+ characters) create the first admin when no user exists yet.
 * Ctrl-C or SIGTERM stops everything, DynamoDB Local included; a second Ctrl-C forces.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { defaultStaticDir } from "./api-server.ts";
import { isPortFree } from "./free-port.ts";
import { type LocalStack, startLocalStack } from "./local-stack.ts";
import { forgetRunningStack, noteRunningStack } from "./running-stack.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const dataDir = join(repoRoot, ".data");
const host = "127.0.0.1";

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`PORT must be a port number, got "${process.env.PORT}"`);
  if (port !== 0 && !(await isPortFree(port, host))) {
    fail(
      `Port ${port} on ${host} is already in use (another \`npm start\`?). Stop that, or run: PORT=${port + 1} npm start`,
    );
  }

  const demo = readDemo(process.env.SONRISA_DEMO);
  const firstAdmin = readFirstAdmin(process.env.SONRISA_ADMIN_EMAIL, process.env.SONRISA_ADMIN_PASSWORD);
  let stack: LocalStack;
  try {
    stack = await startLocalStack({ port, host, dataDir, seed: demo !== "off", history: demo === "on", firstAdmin });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  noteRunningStack(dataDir, { url: stack.url, dynamoEndpoint: stack.dynamoEndpoint, tableName: stack.tableName });
  handleSignals(stack);
  const health = await fetch(`${stack.url}/v1/health`).then(
    (r) => r.status,
    () => 0,
  );
  const ready = performance.now();
  // A restart has nothing (or a day) to add: its result is known at once. A first start's past keeps loading.
  const quick = await Promise.race([stack.historyLoaded, delay(1_000, "loading" as const)]);
  printBanner(stack, health, ready, demo, historyLine(demo, quick), firstAdmin?.email);
  if (quick === "loading") {
    const loaded = await stack.historyLoaded;
    if (loaded) console.log(`${historyLine(demo, loaded).trim()}\n`);
  }
}

type Demo = "on" | "off" | "empty-history";

function readDemo(value: string | undefined): Demo {
  const v = (value ?? "on").trim().toLowerCase();
  if (["on", "1", "true", "yes"].includes(v)) return "on";
  if (["off", "0", "false", "no"].includes(v)) return "off";
  if (v === "empty-history") return "empty-history";
  fail(`SONRISA_DEMO must be on, empty-history or off, got "${value}"`);
}

function readFirstAdmin(email: string | undefined, password: string | undefined) {
  if (email === undefined && password === undefined) return undefined;
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) {
    fail("SONRISA_ADMIN_EMAIL must be an e-mail address (set it with SONRISA_ADMIN_PASSWORD)");
  }
  if (!password || password.length < 12) fail("SONRISA_ADMIN_PASSWORD must have at least 12 characters");
  return { email: email.trim().toLowerCase(), password };
}

function printBanner(
  stack: LocalStack,
  health: number,
  elapsedMs: number,
  demo: Demo,
  history: string,
  admin?: string,
): void {
  const u = stack.url;
  const built = existsSync(join(defaultStaticDir, "index.html")) || existsSync(join(defaultStaticDir, "kiosk"));
  const healthLine =
    health === 200
      ? `healthy in ${(elapsedMs / 1000).toFixed(1)} s`
      : `started in ${(elapsedMs / 1000).toFixed(1)} s, but /v1/health answered ${health || "nothing"}`;
  const login = `curl -s ${u}/v1/auth/login -H 'content-type: application/json' -d '{"email":"admin@sonrisa.local","password":"sonrisa-admin"}'`;
  console.log(`
  Sonrisa is running (${healthLine}); data in .data/
    kiosk       ${u}/kiosk
    staff       ${u}/staff
    dashboard   ${u}/dashboard
    caught mail ${stack.mailUrl}   (SMTP ${stack.smtpUrl})
    API health  ${u}/v1/health${built ? "" : "\n\n  The PWA is not built: run `npm run build -w kiosk-web` (npm start does it first)."}

${demo === "off" ? emptyLines(stack, admin) : demoLines(u, login, history)}
  Ctrl-C stops everything.
`);
}

type Loaded = Awaited<LocalStack["historyLoaded"]>;

function historyLine(demo: Demo, h: Loaded | "loading"): string {
  if (demo === "empty-history")
    return "  Demo history: none (SONRISA_DEMO=empty-history; `npm run demo:history` loads it)";
  if (h === "loading")
    return "  Demo history: loading the last 90 days in the background (about 20 s; the dashboard shows how far)";
  if (!h) return "  Demo history: did not load (see the error above); the next start tries again";
  if (h.days === 0) return "  Demo history: loaded on an earlier start (nothing new today)";
  return `  Demo history: ${h.answers} answers over ${h.days} days loaded in ${(h.ms / 1000).toFixed(1)} s (${h.wins} surprises won, ${h.spontaneous} spontaneous gifts, ${h.joined} club members with ${h.stamped} visit stamps)`;
}

function demoLines(u: string, login: string, history: string): string {
  return `
${history}

  Demo logins
    admin@sonrisa.local / sonrisa-admin       (admin)
    marketing@sonrisa.local / sonrisa-marketing   (marketing)
    staff PIN 2468 for madrid-centro, barcelona-gracia, mexico-roma

  Pair a kiosk: create a pairing code in the dashboard, or with:
    TOKEN=$(${login} | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
    curl -s -X POST ${u}/v1/stores/madrid-centro/pairing-codes -H "authorization: Bearer $TOKEN"
`;
}

function emptyLines(stack: LocalStack, admin: string | undefined): string {
  if (stack.firstAdmin === "created")
    return `\n  No demo data. First admin created: ${admin} (sign in at /dashboard)\n`;
  if (stack.firstAdmin === "users_exist")
    return "\n  No demo data. Users exist already: SONRISA_ADMIN_* left them alone.\n";
  return "\n  No demo data. Set SONRISA_ADMIN_EMAIL and SONRISA_ADMIN_PASSWORD to create the first admin.\n";
}

function handleSignals(stack: LocalStack): void {
  let firstAt = 0;
  const stop = (signal: NodeJS.Signals) => {
    // One Ctrl-C can arrive twice (the terminal signals the whole group and tsx relays it): only a
    // second press a moment later forces.
    if (firstAt && Date.now() - firstAt < 1_000) return;
    if (firstAt) {
      console.error(`\n[sonrisa] ${signal} again: forcing exit`);
      process.exit(1); // the exit hook still kills DynamoDB Local
    }
    firstAt = Date.now();
    console.error(`\n[sonrisa] ${signal}: stopping${signal === "SIGINT" ? " (Ctrl-C again to force)" : ""}`);
    forgetRunningStack(dataDir);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`[sonrisa] stop failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function fail(message: string): never {
  console.error(`\n[sonrisa] cannot start: ${message}\n`);
  process.exit(1);
}

await main();
