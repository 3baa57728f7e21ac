/**
 * The live view for a TV at a stand (issue 10, item 7): today's count, index and faces of one store, full
 * screen, updated by itself as answers arrive. Screenshots at 1366×900 and 390×844 in both languages.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, expectNoSeriousViolations, shootEverySize, signIn } from "./support/dashboard.ts";
import { pairingCode, watchConsole } from "./support/kiosk.ts";
import { createStore, localDate, standSettings, uniqueStoreId } from "./support/stores.ts";

test("the live view shows today's answers, index and faces and updates as answers arrive", async ({ page }) => {
  const console = watchConsole(page);
  const storeId = uniqueStoreId("expo-directo");
  const zone = "Europe/London";
  await createStore(
    page.request,
    storeId,
    standSettings({
      name: "Sonrisa Pop-up · Expo Directo",
      event: { start: localDate(zone, -1), end: localDate(zone, 1) },
    }),
  );
  const paired = await page.request.post("/v1/devices/pair", {
    data: { code: await pairingCode(page.request, storeId) },
  });
  const device = { authorization: `Bearer ${((await paired.json()) as { deviceToken: string }).deviceToken}` };
  const send = (scores: number[]) =>
    page.request.post("/v1/responses", {
      headers: device,
      data: {
        responses: scores.map((score, i) => ({
          id: crypto.randomUUID(),
          at: new Date(Date.now() - (scores.length - i) * 60_000).toISOString(),
          score,
        })),
      },
    });
  await send([5, 5, 4, 2]);

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Tiendas", exact: true }).click();
  await page.getByRole("link", { name: "Vista en directo de Sonrisa Pop-up · Expo Directo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sonrisa Pop-up · Expo Directo" })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0); // full screen: no bars
  await expect(page.locator('[data-kpi="answers"]')).toHaveText("4");
  await expect(page.locator('[data-kpi="index"]')).toHaveText("75,0");
  await expect(page.locator("li[data-score]")).toHaveCount(4); // a 4-face stand: no neutral face
  await expect(page.locator('li[data-score="5"]')).toContainText("2");
  await expect(page.getByRole("status")).toContainText("Actualizado a las");
  await expectNoSeriousViolations(page, "live");

  await send([5, 1]);
  await expect(page.locator('[data-kpi="answers"]')).toHaveText("6"); // read again by itself
  await shootEverySize(page, "dashboard-live", async () => {
    await expect(page.locator('[data-kpi="answers"]')).toHaveText("6");
  });
  console.expectNone();
});
