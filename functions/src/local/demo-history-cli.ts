/**
 * `npm run demo:history`: loads the demo's past days into the local data (`.data/`) on demand, for a stack
 * started with `SONRISA_DEMO=empty-history` or left unused for days. With `npm start` running, it writes
 * into that stack's DynamoDB Local (its stream consumers then make the contacts and follow-ups); without
 * one, it starts the stack on `.data/` for the load and stops it once the stream is processed.
 * Idempotent: days loaded already are skipped.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadOrCreateAuthKey } from "./auth-key.ts";
import { type HistoryReport, loadDemoHistory } from "./demo-history.ts";
import { startLocalStack } from "./local-stack.ts";
import { runningStack } from "./running-stack.ts";

const dataDir = join(fileURLToPath(new URL("../../../", import.meta.url)), ".data");

async function main(): Promise<void> {
  const started = performance.now();
  const running = runningStack(dataDir);
  let report: HistoryReport;
  if (running) {
    console.log(`[sonrisa] loading the demo history into the running stack (${running.url})…`);
    process.env.SONRISA_MODE = "local";
    // The club's cards are signed with the running stack's key and link to it.
    process.env.AUTH_KEY ??= loadOrCreateAuthKey(dataDir);
    process.env.PUBLIC_URL ??= running.url;
    report = await loadDemoHistory({ tableName: running.tableName, endpoint: running.dynamoEndpoint });
  } else {
    console.log("[sonrisa] no `npm start` running: starting the local stack on .data/ for the load…");
    const stack = await startLocalStack({ port: 0, dataDir, seed: true, history: true, scheduler: false, quiet: true });
    try {
      const loaded = await stack.historyLoaded;
      if (!loaded) throw new Error("the load failed (see above); run it again");
      report = loaded;
      await stack.streams?.drain(); // contacts, consent records and follow-ups of the new answers
    } finally {
      await stack.stop();
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    report.days === 0
      ? `[sonrisa] the demo history is loaded already (${seconds} s)`
      : `[sonrisa] demo history: ${report.stored} answers over ${report.days} days, ${report.wins} surprises won, ${report.handed} handed over, ${report.spontaneous} spontaneous gifts, ${report.joined} club members (${report.stamped} visit stamps, ${report.redeemed} rewards redeemed), in ${seconds} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`[sonrisa] demo history failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
