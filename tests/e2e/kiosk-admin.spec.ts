/**
 * The kiosk side of running a chain from the dashboard (issue 10): an English-only 4-face store, an event's
 * closed screen and a change of its dates reaching the tablet without re-pairing, and a revoked tablet that
 * shows the pairing screen, keeps its queued answer away from another store and sends it once paired to
 * its own store again.
 */
import { expect, type Page, test } from "@playwright/test";
import { faces, pairingCode, storeTotal, tapFace, watchConsole } from "./support/kiosk.ts";
import { createStore, localDate, putStore, revokeNewestKiosk, standSettings, uniqueStoreId } from "./support/stores.ts";

const SHOTS = "test-results/screens";
/** Revoking makes the kiosk's next request a 401, which Chromium logs; nothing else may be logged. */
const REVOKED = [/status of 401/];

/** Types a fresh pairing code for the store on the pairing screen that is showing. */
async function pairOnScreen(page: Page, storeId: string): Promise<void> {
  const code = await pairingCode(page.request, storeId);
  await page.getByRole("textbox").fill(code);
  await page.getByRole("button", { name: /^(Vincular|Pair)$/ }).click();
}

/** A shopper's tap, finished at once; the kiosk then sends it. */
async function answer(page: Page, score: number): Promise<void> {
  await tapFace(page, score);
  await page.getByRole("button", { name: /^(Terminar|Finish)$/ }).click();
}

async function openPairingScreen(page: Page): Promise<void> {
  await page.goto("/kiosk");
  await expect(page.getByRole("heading", { name: /^(Vincular este quiosco|Pair this kiosk)$/ })).toBeVisible();
}

test("an English-only 4-face store's kiosk asks in English, with 4 faces and no language switch", async ({ page }) => {
  const console = watchConsole(page);
  const storeId = uniqueStoreId("expo-en");
  await createStore(page.request, storeId);
  await openPairingScreen(page);
  await pairOnScreen(page, storeId);

  await expect(page.getByRole("heading", { name: "How was our stand?" })).toBeVisible();
  await expect(faces(page)).toHaveCount(4);
  await expect(page.locator('button[data-score="3"]')).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Español|English)$/ })).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.locator('button[data-score="4"]').click();
  await expect(page.getByRole("button", { name: "Great demo" })).toBeVisible();
  await page.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await expect.poll(() => storeTotal(page.request, storeId)).toBe(1);
  console.expectNone();
});

test("an event's kiosk is closed outside its dates and opens when they change, without re-pairing", async ({
  page,
}) => {
  const console = watchConsole(page);
  const storeId = uniqueStoreId("expo-later");
  const zone = "Europe/London";
  const later = { start: localDate(zone, 10), end: localDate(zone, 12) };
  await createStore(page.request, storeId, standSettings({ event: later }));
  // The kiosk refreshes its config every minute: the test moves the tablet's clock instead of waiting.
  await page.clock.install();
  await openPairingScreen(page);
  await pairOnScreen(page, storeId);

  const closed = page.getByTestId("closed");
  await expect(closed).toHaveAttribute("data-reason", "not-yet");
  await expect(page.getByRole("heading", { name: "Closed" })).toBeVisible();
  await expect(closed).toContainText("We are open from");
  await expect(faces(page)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/kiosk-closed-en-1024x768.png` });

  await putStore(page.request, storeId, standSettings({ event: { start: localDate(zone, -1), end: later.end } }));
  await page.clock.fastForward("01:05");
  await expect(faces(page)).toHaveCount(4);
  await expect(closed).toHaveCount(0);

  await putStore(
    page.request,
    storeId,
    standSettings({ event: { start: localDate(zone, -3), end: localDate(zone, -1) } }),
  );
  await page.clock.fastForward("01:05");
  await expect(closed).toHaveAttribute("data-reason", "over");
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  console.expectNone();
});

test("a revoked kiosk shows the pairing screen, keeps its answer from another store, and sends it to its own", async ({
  page,
}) => {
  const console = watchConsole(page);
  const home = "madrid-centro";
  const other = "barcelona-gracia";
  await openPairingScreen(page);
  await pairOnScreen(page, home);
  await expect(faces(page)).toHaveCount(5);
  const homeBefore = await storeTotal(page.request, home);
  const otherBefore = await storeTotal(page.request, other);

  await revokeNewestKiosk(page.request, home);
  await answer(page, 5); // queued, then refused with 401 when it is sent

  await expect(page.getByRole("heading", { name: "Vincular este quiosco" })).toBeVisible();
  await expect(page.getByText("1 respuesta pendiente se enviará al vincularlo de nuevo")).toBeVisible();

  await pairOnScreen(page, other);
  await expect(faces(page)).toHaveCount(5);
  await expect(page.getByTestId("status-corner")).toHaveAttribute("data-depth", "1");
  expect(await storeTotal(page.request, other)).toBe(otherBefore);
  expect(await storeTotal(page.request, home)).toBe(homeBefore);

  await revokeNewestKiosk(page.request, other);
  await answer(page, 4); // Barcelona's own answer, refused in turn
  await expect(page.getByRole("heading", { name: "Vincular este quiosco" })).toBeVisible();
  await expect(page.getByText("2 respuestas pendientes se enviarán al vincularlo de nuevo")).toBeVisible();

  await pairOnScreen(page, home);
  await expect(faces(page)).toHaveCount(5);
  await expect.poll(() => storeTotal(page.request, home)).toBe(homeBefore + 1);
  await expect(page.getByTestId("status-corner")).toHaveAttribute("data-depth", "1"); // Barcelona's, kept
  expect(await storeTotal(page.request, other)).toBe(otherBefore);
  console.expectNone(REVOKED);
});
