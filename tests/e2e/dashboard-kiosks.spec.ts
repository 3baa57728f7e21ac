/**
 * The dashboard's Kiosks page (issue 10, item 5): an admin sees a store's kiosks online with what they
 * report (queue depth, version, undelivered), renames one, and revokes it after a confirmation; the tablet
 * then shows the pairing screen. Screenshots at 1366×900 and 390×844 in both languages.
 */
import { expect, test } from "@playwright/test";
import { ADMIN, expectNoSeriousViolations, shootEverySize, signIn } from "./support/dashboard.ts";
import { faces, pairingCode, tapFace, watchConsole } from "./support/kiosk.ts";
import { createStore, devicesOf, standSettings, uniqueStoreId } from "./support/stores.ts";

test("an admin sees a kiosk online with its queue and version, renames it and revokes it", async ({ browser }) => {
  const storeId = uniqueStoreId("kioscos");
  const context = await browser.newContext();
  const tablet = await context.newPage();
  const page = await context.newPage();
  const console = watchConsole(page);
  await createStore(page.request, storeId, standSettings({ name: "Sonrisa Pop-up · Kioscos" }));

  // The tablet pairs, and reports a status as the kiosk's heartbeat does.
  await tablet.goto("/kiosk");
  await tablet.getByRole("textbox").fill(await pairingCode(tablet.request, storeId));
  await tablet.getByRole("button", { name: /^(Vincular|Pair)$/ }).click();
  await expect(faces(tablet)).toHaveCount(4);
  const token = await tablet.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open("sonrisa-kiosk");
        open.onsuccess = () => {
          const get = open.result.transaction("kv").objectStore("kv").get("device");
          get.onsuccess = () => resolve((get.result as { deviceToken: string }).deviceToken);
        };
      }),
  );
  const beat = await page.request.post("/v1/kiosk/heartbeat", {
    headers: { authorization: `Bearer ${token}` },
    data: { queueDepth: 3, appVersion: "2026.11.30", undelivered: [{ code: "invalid_item", count: 2 }] },
  });
  expect(beat.status()).toBe(204);
  const [device] = await devicesOf(page.request, storeId);

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Quioscos" }).click();
  await page.getByLabel("Tienda").selectOption(storeId);
  const card = page.locator(`li[data-device="${device!.deviceId}"]`);
  await expect(card).toHaveAttribute("data-state", "online");
  await expect(card).toContainText("En línea");
  await expect(card.locator('[data-fact="queue"]')).toHaveText("3");
  await expect(card).toContainText("2026.11.30");
  await expect(card).toContainText("2 no válidas");
  await expectNoSeriousViolations(page, "kiosks");

  await card.getByRole("button", { name: /^Renombrar / }).click();
  await card.getByLabel("Nombre del quiosco").fill("Entrada");
  await card.getByRole("button", { name: "Guardar" }).click();
  await expect(card.getByRole("heading", { name: "Entrada" })).toBeVisible();
  expect((await devicesOf(page.request, storeId))[0]!.name).toBe("Entrada");
  await page.getByRole("button", { name: "Crear código" }).click();
  await expect(page.getByTestId("pairing-code")).toBeVisible();
  await shootEverySize(page, "dashboard-kiosks", async () => {
    await expect(card).toBeVisible();
  });

  await card.getByRole("button", { name: "Revocar Entrada" }).click();
  const dialog = page.getByRole("dialog", { name: "¿Revocar Entrada?" });
  await expect(dialog).toContainText("Las respuestas que tenga en cola se envían");
  await dialog.getByRole("button", { name: "Revocar" }).click();
  await expect(page.locator(`li[data-device="${device!.deviceId}"][data-state="revoked"]`)).toHaveCount(1);
  await expect(page.getByText("Revocados (1)")).toBeVisible();
  expect((await devicesOf(page.request, storeId))[0]!.revokedAt).toEqual(expect.any(String));

  // The tablet learns it at its next request: here a shopper's tap.
  await tapFace(tablet, 5);
  await tablet.getByRole("button", { name: /^(Terminar|Finish)$/ }).click();
  await expect(tablet.getByRole("heading", { name: /^(Vincular este quiosco|Pair this kiosk)$/ })).toBeVisible();
  await expect(tablet.getByText(/1 (respuesta pendiente|waiting answer)/)).toBeVisible();
  console.expectNone();
  await context.close();
});
