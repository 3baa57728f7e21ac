/** The kiosk's staff corner: the store's PIN (checked online, and offline against the last good one), settings, unpairing. */
import { expect, test } from "@playwright/test";
import { faces, pairKiosk, quickAnswer, watchConsole } from "./support/kiosk.ts";

async function openPin(page: import("@playwright/test").Page, pin: string): Promise<void> {
  await page.getByRole("button", { name: /^Ajustes del personal/ }).click();
  await page.getByLabel("PIN del personal").fill(pin);
  await page.getByRole("button", { name: "Entrar" }).click();
}

test("settings open only with the store's staff PIN and show the queue", async ({ page }) => {
  const console = watchConsole(page);
  await pairKiosk(page);
  await quickAnswer(page, 4);

  await openPin(page, "1111");
  await expect(page.getByRole("alert")).toHaveText("PIN incorrecto.");
  await page.getByLabel("PIN del personal").fill("2468");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("heading", { name: "Ajustes del quiosco" })).toBeVisible();
  await expect(page.getByText("Muebles Sonrisa · Madrid Centro")).toHaveCount(2);
  await expect(page.getByTestId("settings-depth")).toHaveText("0");
  await expect(page.getByRole("button", { name: "Pantalla completa" })).toBeVisible();
  await page.getByRole("button", { name: "Cerrar" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  console.expectNone([/401/]);
});

test("offline, the last PIN the server accepted still opens settings; a wrong one does not", async ({
  page,
  context,
}) => {
  await pairKiosk(page);
  await openPin(page, "2468");
  await expect(page.getByRole("heading", { name: "Ajustes del quiosco" })).toBeVisible();
  await page.getByRole("button", { name: "Cerrar" }).click();

  await context.setOffline(true);
  await openPin(page, "9999");
  await expect(page.getByRole("alert")).toHaveText("PIN incorrecto.");
  await page.getByLabel("PIN del personal").fill("2468");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("heading", { name: "Ajustes del quiosco" })).toBeVisible();
  await expect(page.getByText("Sin conexión", { exact: true })).toBeVisible();
});

test("offline with no PIN ever checked, the kiosk refuses and says why", async ({ page, context }) => {
  await pairKiosk(page);
  await context.setOffline(true);
  await openPin(page, "2468");
  await expect(page.getByRole("alert")).toHaveText("Sin conexión y sin PIN guardado: no se puede comprobar.");
  await page.getByRole("button", { name: "Cancelar" }).click();
  await expect(faces(page)).toHaveCount(5);
});

test("staff can unpair the kiosk, which then asks for a new code, and the server refuses its old token", async ({
  page,
}) => {
  const paired = page.waitForResponse((res) => res.url().endsWith("/v1/devices/pair"));
  await pairKiosk(page);
  const { deviceToken } = (await (await paired).json()) as { deviceToken: string };
  const configWith = (token: string) =>
    page.request.get("/v1/kiosk/config", { headers: { authorization: `Bearer ${token}` } });
  expect((await configWith(deviceToken)).status()).toBe(200);

  await openPin(page, "2468");
  await page.getByRole("button", { name: "Desvincular" }).click();
  await expect(page.getByText("¿Desvincular este quiosco?")).toBeVisible();
  await page.getByRole("alert").getByRole("button", { name: "Desvincular" }).click();
  await expect(page.getByRole("heading", { name: /Vincular este quiosco|Pair this kiosk/ })).toBeVisible();
  expect((await configWith(deviceToken)).status()).toBe(401);
});
