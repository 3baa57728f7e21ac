/**
 * Tap → visible acknowledgement on the kiosk in Chromium, online and offline, over 100 taps each.
 * Measured in the page: from the face's pointerdown (event.timeStamp) to the requestAnimationFrame callback
 * that follows the face being marked picked, i.e. the first frame that will show the acknowledgement.
 */
import { loadavg } from "node:os";
import type { Page } from "@playwright/test";
import { openPairedKiosk, percentile } from "../tests/e2e/support/kiosk-bench.ts";
import type { BenchRow } from "./support/report.ts";

const TAPS = 100;
const BUDGET_MS = 50;

/** Installs the in-page probe; each acknowledged tap pushes its latency onto window.__tapLatencies. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __tapLatencies: number[] };
    w.__tapLatencies = [];
    let downAt: number | undefined;
    document.addEventListener(
      "pointerdown",
      (e) => {
        if ((e.target as Element).closest("button[data-score]")) downAt = e.timeStamp;
      },
      true,
    );
    new MutationObserver(() => {
      if (downAt === undefined || !document.querySelector('button[data-score][aria-pressed="true"]')) return;
      const start = downAt;
      downAt = undefined;
      requestAnimationFrame(() => w.__tapLatencies.push(performance.now() - start));
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["aria-pressed"] });
  });
}

/** Real pointer taps on the faces; the way back to the attract screen is clicked in-page, which is not measured. */
async function tapMany(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    (window as unknown as { __tapLatencies: number[] }).__tapLatencies = [];
  });
  const faces = page.locator("button[data-score]");
  await faces.first().waitFor();
  const centres = await faces.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }),
  );
  for (let i = 0; i < TAPS; i++) {
    const centre = centres[i % centres.length]!;
    await page.mouse.click(centre.x, centre.y);
    await page.getByRole("button", { name: "Terminar" }).waitFor();
    await clickByText(page, "Terminar");
    await page.getByRole("button", { name: "Volver al inicio" }).waitFor();
    await clickByText(page, "Volver al inicio");
    await faces.first().waitFor();
  }
  return page.evaluate(() => (window as unknown as { __tapLatencies: number[] }).__tapLatencies);
}

/** A plain in-page click (no Playwright actionability waits); the callback stays anonymous for tsx. */
function clickByText(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => {
    for (const b of document.querySelectorAll("button")) if (b.textContent?.trim() === t) b.click();
  }, text);
}

export async function run(): Promise<BenchRow[]> {
  const kiosk = await openPairedKiosk();
  try {
    await installProbe(kiosk.page);
    const online = await tapMany(kiosk.page);
    await kiosk.context.setOffline(true);
    const offline = await tapMany(kiosk.page);
    await kiosk.context.setOffline(false);
    const rows: BenchRow[] = [];
    for (const [mode, values] of [
      ["online", online],
      ["offline", offline],
    ] as const) {
      if (values.length !== TAPS) throw new Error(`${mode}: ${values.length} of ${TAPS} taps acknowledged`);
      const p95 = Math.round(percentile(values, 95) * 10) / 10;
      rows.push({
        metric: `tap → acknowledgement p95, ${mode} (${TAPS} taps)`,
        value: p95,
        unit: "ms",
        budget: `≤ ${BUDGET_MS}`,
        ok: p95 <= BUDGET_MS,
      });
      rows.push({
        metric: `tap → acknowledgement p50, ${mode}`,
        value: Math.round(percentile(values, 50) * 10) / 10,
        unit: "ms",
      });
    }
    // Frame timing depends on the machine's other work: the load average puts the p95 in context.
    rows.push({
      metric: "1-minute load average at the end (context)",
      value: Math.round(loadavg()[0]! * 10) / 10,
      unit: "load",
    });
    return rows;
  } finally {
    await kiosk.close();
  }
}
