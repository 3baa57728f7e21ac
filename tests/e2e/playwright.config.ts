/**
 * Browser tests in Debian's Chromium against the real local stack (in memory, seeded), which Playwright
 * starts once for the run. Serial: the counting tests compare store totals before and after.
 */
import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { CHROMIUM, E2E_PORT, E2E_URL } from "./support/env.ts";

// The stack's token key, known to the tests (the workers inherit the environment) so one can sign a real,
// expired token and watch the server refuse it.
process.env.E2E_AUTH_KEY ??= randomBytes(32).toString("base64");
// The README's screenshots are refreshed from the shots this run took (support/readme-screens.ts).
process.env.E2E_STARTED_AT ??= String(Date.now());

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  // E2E_OUTPUT and E2E_PORT let two runs share a checkout without clobbering each other.
  outputDir: process.env.E2E_OUTPUT ?? "../../test-results/e2e",
  // A left-over test.only fails the run instead of quietly skipping the rest (pick tests with -g instead).
  forbidOnly: true,
  globalTeardown: "./support/readme-screens.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "../../playwright-report" }]] : "list",
  use: {
    baseURL: E2E_URL,
    browserName: "chromium",
    launchOptions: CHROMIUM,
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
    locale: "es-ES",
    trace: "retain-on-failure",
  },
  webServer: {
    command: "npx tsx tests/e2e/support/serve.ts",
    cwd: "../..",
    // 503 until serve.ts has seeded what the specs expect beyond the demo organisation (support/serve.ts).
    url: `${E2E_URL}/__test/ready`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(E2E_PORT), E2E_AUTH_KEY: process.env.E2E_AUTH_KEY },
  },
});
