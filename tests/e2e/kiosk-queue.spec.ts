/**
 * Offline-first and exactly once: answers survive no network, reloads, a failing or forgetful server,
 * two tabs, a rejected item and unpairing, and each reaches the server's results exactly once.
 */
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import {
  adminToken,
  expectQueueEmpty,
  faces,
  overrideConfig,
  pairKiosk,
  quickAnswer,
  STORE,
  storeTotal,
  watchConsole,
} from "./support/kiosk.ts";
import { makeAnswers, queueCount, seedQueue } from "./support/queue-seed.ts";

/** Network failures a test provokes on purpose show up as console errors in Chromium; nothing else may. */
const PROVOKED = [/Failed to load resource/, /net::ERR_/];

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
}

function countPosts(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith("/v1/responses")) seen.count++;
  });
  return seen;
}

async function goOffline(context: BrowserContext, offline: boolean): Promise<void> {
  await context.setOffline(offline);
}

test("20 answers given offline survive a reload and are stored exactly once when the network returns", async ({
  page,
  context,
}) => {
  const console = watchConsole(page);
  await pairKiosk(page);
  await waitForServiceWorker(page);
  const before = await storeTotal(page.request);

  await goOffline(context, true);
  for (let i = 0; i < 20; i++) await quickAnswer(page, (i % 5) + 1);
  await expect(page.getByTestId("status-corner")).toHaveAttribute("data-depth", "20");

  await page.reload(); // served by the service worker: the kiosk starts with no network
  await expect(faces(page)).toHaveCount(5);
  await expect(page.getByTestId("status-corner")).toHaveAttribute("data-depth", "20");

  await goOffline(context, false);
  await expectQueueEmpty(page);
  expect(await storeTotal(page.request)).toBe(before + 20);
  console.expectNone(PROVOKED);
});

test("a tap whose page closed mid-flow is recovered and sent once, with what the shopper gave", async ({ context }) => {
  const first = await context.newPage();
  await overrideConfig(first, { idleTimeoutSec: 1 });
  await pairKiosk(first);
  const before = await storeTotal(first.request);
  await first.getByRole("button", { name: "Insatisfecho", exact: true }).click();
  await first.getByRole("button", { name: "Esperé mucho" }).click();
  await first.getByRole("button", { name: "Continuar" }).click(); // the reasons reach the draft
  await first.close(); // the "crash": the flow never ends

  const second = await context.newPage();
  const posted: Array<Record<string, unknown>> = [];
  second.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith("/v1/responses")) posted.push(...req.postDataJSON().responses);
  });
  await overrideConfig(second, { idleTimeoutSec: 1 });
  // Drafts are recovered once older than any flow can last (idle timeout + 30 s): the test moves the tablet's
  // clock on instead of waiting (the draft's own time is the first page's, which is real).
  await second.clock.install();
  await second.goto("/kiosk");
  await expect(faces(second)).toHaveCount(5);
  await expect(second.getByTestId("status-corner")).toHaveAttribute("data-depth", "1");
  await second.clock.fastForward("00:35");
  await expectQueueEmpty(second);
  expect(await storeTotal(second.request)).toBe(before + 1);
  expect(posted).toHaveLength(1);
  expect(posted[0]).toMatchObject({ score: 2, reasons: ["waiting"] });
});

test("a server that fails, forgets to answer or hangs loses nothing and doubles nothing", async ({ page }) => {
  test.setTimeout(120_000);
  const console = watchConsole(page);
  await pairKiosk(page);
  const before = await storeTotal(page.request);

  let call = 0;
  await page.route("**/v1/responses", async (route) => {
    call++;
    if (call === 1) return route.fulfill({ status: 500, json: { error: { code: "internal", message: "boom" } } });
    if (call === 2) {
      await route.fetch(); // the server stores the batch, but its answer never reaches the kiosk
      return route.abort("connectionreset");
    }
    if (call === 3) {
      await new Promise((resolve) => setTimeout(resolve, 16_000)); // longer than the kiosk waits
      return route.abort("timedout").catch(() => undefined);
    }
    return route.continue();
  });

  for (const score of [5, 4, 3, 2, 1]) await quickAnswer(page, score);
  await expectQueueEmpty(page, 90_000);
  expect(call).toBeGreaterThanOrEqual(4);
  expect(await storeTotal(page.request)).toBe(before + 5);
  console.expectNone(PROVOKED);
});

test("two kiosk tabs share one queue and one sender, and nothing is doubled", async ({ context }) => {
  const first = await context.newPage();
  await pairKiosk(first);
  const second = await context.newPage();
  const posted: Array<Record<string, unknown>> = [];
  second.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith("/v1/responses")) posted.push(...req.postDataJSON().responses);
  });
  await second.goto("/kiosk");
  await expect(faces(second)).toHaveCount(5);
  const posts = [countPosts(first), countPosts(second)];
  const before = await storeTotal(first.request);

  for (let i = 0; i < 3; i++) {
    await quickAnswer(first, 5);
    await quickAnswer(second, 1);
  }

  await expectQueueEmpty(first);
  await expectQueueEmpty(second);
  expect(await storeTotal(first.request)).toBe(before + 6);
  expect(posts.filter((p) => p.count > 0)).toHaveLength(1); // only the tab holding the lock sends
});

test("a rejected answer is kept aside, reported with the next sync, and does not block the queue", async ({ page }) => {
  const console = watchConsole(page);
  const warnings: string[] = [];
  page.on("console", (msg) => msg.type() === "warning" && warnings.push(msg.text()));
  const reports: unknown[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST" && req.url().endsWith("/v1/responses")) reports.push(req.postDataJSON().kiosk);
  });
  await pairKiosk(page);
  const before = await storeTotal(page.request);

  const [bad] = makeAnswers(1);
  await seedQueue(page, STORE, [{ ...bad!, comment: "x".repeat(501) }]);
  await quickAnswer(page, 4);
  await quickAnswer(page, 2);

  await expectQueueEmpty(page);
  expect(await storeTotal(page.request)).toBe(before + 2);
  expect(warnings.some((w) => w.includes(bad!.id) && w.includes("kept aside"))).toBe(true);
  // Still on the tablet, set aside (not counted as waiting), and reported to the server by code.
  expect(await queueCount(page)).toBe(1);
  expect(reports.at(-1)).toMatchObject({
    queueDepth: expect.any(Number),
    appVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
    undelivered: [{ code: "invalid_item", count: 1 }],
  });
  console.expectNone();
});

test("a revoked kiosk keeps its queue, asks for pairing and sends everything once paired again", async ({ page }) => {
  const console = watchConsole(page);
  const paired = page.waitForResponse((r) => r.url().endsWith("/v1/devices/pair") && r.status() === 200);
  await pairKiosk(page);
  const { deviceId } = (await (await paired).json()) as { deviceId: string };
  const before = await storeTotal(page.request);

  // The real server path: an admin revokes this tablet; its next batch is refused with 401.
  const revoked = await page.request.delete(`/v1/devices/${deviceId}`, {
    headers: { authorization: `Bearer ${await adminToken(page.request)}` },
  });
  expect(revoked.status(), await revoked.text()).toBe(200);
  await page.getByRole("button", { name: "Muy satisfecho", exact: true }).click();
  await page.getByRole("button", { name: "Terminar" }).click();
  await expect(page.getByRole("heading", { name: /Vincular|Pair/ })).toBeVisible();
  await expect(page.getByText(/1 (respuesta pendiente|waiting answer)/)).toBeVisible();

  await pairKiosk(page);
  await expectQueueEmpty(page);
  expect(await storeTotal(page.request)).toBe(before + 1);
  console.expectNone([/401/, ...PROVOKED]);
});
