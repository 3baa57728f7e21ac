import { defineConfig } from "vitest/config";

/**
 * Test tiers: unit (pure), api (real handlers on DynamoDB Local), infra (CDK template). Playwright runs apart.
 * A left-over `.only` fails the run instead of quietly skipping the rest (pick tests with `-t` instead).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          allowOnly: false,
          include: ["shared/src/**/*.test.ts", "functions/src/**/*.test.ts", "kiosk-web/src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "api",
          allowOnly: false,
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/api/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The logger reads its level when first imported, before the harness sets the environment.
          env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "ERROR" },
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "infra",
          allowOnly: false,
          include: ["tests/infra/**/*.test.ts"],
          testTimeout: 120_000,
          // One process, files one after another, modules kept between files: the synthesized app (with its
          // esbuild bundles and cdk-nag pass) is made once and read by every file (tests/infra/sonrisa-fixture.ts).
          isolate: false,
          fileParallelism: false,
        },
      },
    ],
  },
});
