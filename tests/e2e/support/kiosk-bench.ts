/**
 * What the kiosk benches (bench/kiosk-*.ts) share: a private production build of kiosk-web, the local
 * stack serving it on a free port, and Debian's Chromium with a paired kiosk page.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { build } from "vite";
import { type LocalStack, startLocalStack } from "../../../functions/src/local/local-stack.ts";
import { CHROMIUM } from "./env.ts";
import { pairKiosk } from "./kiosk.ts";

const kioskWeb = fileURLToPath(new URL("../../../kiosk-web/", import.meta.url));

/**
 * Builds the kiosk page (vite.kiosk.config.ts; the other pages are a build of their own) into a fresh
 * temporary directory, never the shared dist, optionally with source maps.
 */
export async function buildKiosk(opts: { sourcemap?: boolean } = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "sonrisa-kiosk-build-"));
  await build({
    configFile: join(kioskWeb, "vite.kiosk.config.ts"),
    root: kioskWeb,
    logLevel: "error",
    build: { outDir, emptyOutDir: true, sourcemap: opts.sourcemap ?? false },
  });
  return outDir;
}

export interface KioskBench {
  dist: string;
  stack: LocalStack;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Build (unless given one), stack, browser and a kiosk page paired with the demo store, on its attract screen. */
export async function openPairedKiosk(
  opts: { dist?: string; viewport?: { width: number; height: number } } = {},
): Promise<KioskBench> {
  const dist = opts.dist ?? (await buildKiosk());
  const viewport = opts.viewport ?? { width: 1024, height: 768 };
  const stack = await startLocalStack({ port: 0, seed: true, scheduler: false, quiet: true, staticDir: dist });
  const browser = await chromium.launch(CHROMIUM);
  const context = await browser.newContext({ baseURL: stack.url, viewport, hasTouch: true, locale: "es-ES" });
  const page = await context.newPage();
  await pairKiosk(page);
  return {
    dist,
    stack,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await stack.stop();
      if (!opts.dist) rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** The p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank] ?? Number.NaN;
}
