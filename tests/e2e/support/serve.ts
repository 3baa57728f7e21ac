/**
 * The local stack for the browser tests (Playwright's webServer): in memory, seeded with the demo
 * organisation without its history (the specs count answers from a clean slate; E2E_HISTORY=1 loads it,
 * for demo-history.spec.ts, which starts a stack of its own), on a fixed port (E2E_PORT=0: a free one), serving kiosk-web/dist (or E2E_DIST, a build kept apart from a checkout
 * where others rebuild dist while tests run). Stops on SIGTERM/SIGINT.
 */
import { fileURLToPath } from "node:url";
import { seedEffect, startLocalStack } from "../../../functions/src/local/local-stack.ts";
import { E2E_PORT } from "./env.ts";

const staticDir = process.env.E2E_DIST ?? fileURLToPath(new URL("../../../kiosk-web/dist", import.meta.url));

// The message dispatcher runs (every few seconds) so follow-ups reach /mail; the other jobs stay off.
// E2E_AUTH_KEY (set by playwright.config.ts) lets a test sign a real token the server will find expired.
const authKey = process.env.E2E_AUTH_KEY;
const stack = await startLocalStack({
  port: E2E_PORT,
  seed: true,
  history: process.env.E2E_HISTORY === "1",
  scheduler: ["dispatch-messages"],
  quiet: true,
  staticDir,
  // Lets a test move the server's clock (POST /__test/clock), e.g. to come back the next day.
  testHooks: true,
  authKey,
});
if (stack.historyLoaded) {
  // The history loads in the background as with `npm start` (its own effect people included): the spec sees
  // the dashboard while it loads, and this line once it is in.
  void stack.historyLoaded.then((loaded) =>
    console.log(loaded ? `demo history loaded in ${loaded.ms} ms` : "the demo history did not load"),
  );
} else {
  // Three months of identified visits with a large known effect for the demo rule (few people, so the stack
  // starts in under a minute; its 10 % holdout still shows an interval clear of 0), for the Effect page.
  const seeded = performance.now();
  await seedEffect();
  console.log(`effect history seeded in ${Math.round(performance.now() - seeded)} ms`);
}
// Imported once the stack has set the functions' environment (their logger reads LOG_LEVEL when loaded).
const { markTestDataReady } = await import("../../../functions/src/local/test-hooks.ts");
// Playwright waits for this (webServer.url), so no spec starts before the Effect page's people are in.
markTestDataReady();
console.log(`e2e stack on ${stack.url}, serving ${staticDir}`);

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().finally(() => process.exit(0));
  });
}
