import { defineConfig } from "vitest/config";

/** Test tiers: unit (pure), api (real handlers on DynamoDB Local), infra (CDK template). Playwright runs apart. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["shared/src/**/*.test.ts", "functions/src/**/*.test.ts", "kiosk-web/src/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "api",
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
        test: { name: "infra", include: ["tests/infra/**/*.test.ts"], testTimeout: 120_000 },
      },
    ],
  },
});
