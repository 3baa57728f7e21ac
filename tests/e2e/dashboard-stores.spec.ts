/**
 * The dashboard's Stores page (issue 10, item 2): an admin creates an English-only 4-face stand with inline
 * validation in both languages, edits it (a new consent text needs a new version), archives it; marketing
 * does not see the page. Screenshots of the list and the form at 1366×900 and 390×844, in both languages.
 */
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, expectNoSeriousViolations, MARKETING, shootEverySize, signIn, useLang } from "./support/dashboard.ts";
import { adminToken, watchConsole } from "./support/kiosk.ts";
import { uniqueStoreId } from "./support/stores.ts";

async function storeOf(page: Page, storeId: string) {
  const res = await page.request.get(`/v1/stores/${storeId}`, {
    headers: { authorization: `Bearer ${await adminToken(page.request)}` },
  });
  return {
    status: res.status(),
    store: res.ok() ? ((await res.json()) as { store: Record<string, unknown> }).store : undefined,
  };
}

test("an admin creates an English-only 4-face stand, with inline validation in both languages", async ({ page }) => {
  const console = watchConsole(page);
  const storeId = uniqueStoreId("feria");
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Tiendas", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tiendas" })).toBeVisible();
  await expectNoSeriousViolations(page, "stores");
  await page.getByRole("link", { name: "+ Nueva tienda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nueva tienda" })).toBeVisible();

  // A bad id says why as soon as it is left; saving with gaps marks every one of them.
  await page.getByLabel("Identificador", { exact: true }).fill("AB");
  await page.getByLabel("Nombre", { exact: true }).focus();
  await expect(page.getByText("Minúsculas, cifras y guiones: de 3 a 40 caracteres.")).toBeVisible();
  await page.getByRole("button", { name: "Crear tienda" }).first().click();
  // The texts come written (to change); the name does not.
  await expect(page.getByLabel("Pregunta · Español")).toHaveValue("¿Qué tal tu experiencia hoy?");
  await expect(page.getByLabel("Nombre", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status").filter({ hasText: /campos por revisar/ })).toBeVisible();
  await expectNoSeriousViolations(page, "new store with errors");
  await useLang(page, "en");
  await expect(page.getByText("Lower-case letters, digits and dashes: 3 to 40 characters.")).toBeVisible();
  await expect(page.getByText("This field is required.").first()).toBeVisible();
  await useLang(page, "es");

  await page.getByLabel("Identificador", { exact: true }).fill(storeId);
  await page.getByLabel("Nombre", { exact: true }).fill("Sonrisa Pop-up · Feria de Londres");
  await page.getByLabel("Zona horaria").selectOption("Europe/London");
  await page.getByLabel("4 caras (sin la neutral)").check();
  await page.getByRole("checkbox", { name: "Español" }).uncheck();
  await expect(page.getByLabel("Pregunta · Español")).toHaveCount(0);
  await page.getByLabel("Pregunta · Inglés").fill("How was our stand?");
  await page.getByRole("button", { name: "+ Añadir motivo · Positivos (4–5)" }).click();
  await page.getByLabel("Texto · Inglés").fill("Great demo");
  await expect(page.getByLabel("Identificador").nth(1)).toHaveValue("great-demo");
  await page.getByLabel("Invitación · Inglés").fill("Join our list");
  await page.getByLabel("Texto del consentimiento · Inglés").fill("I agree that Sonrisa keeps my e-mail.");
  await page.getByRole("checkbox", { name: "Abierto el domingo" }).check();
  await page.getByRole("checkbox", { name: "Es un evento con fechas (un stand)" }).check();
  await shootEverySize(page, "dashboard-new-store", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  await page.getByRole("button", { name: "Crear tienda" }).first().click();

  await expect(
    page.getByRole("heading", { level: 1, name: "Ajustes de Sonrisa Pop-up · Feria de Londres" }),
  ).toBeVisible();
  const { store } = await storeOf(page, storeId);
  expect(store).toMatchObject({
    languages: ["en"],
    defaultLang: "en",
    scale: 4,
    timeZone: "Europe/London",
    question: { en: "How was our stand?" },
    reasons: { positive: [{ id: "great-demo", label: { en: "Great demo" } }], neutral: [], negative: [] },
    event: { start: expect.any(String), end: expect.any(String) },
  });
  expect((store!.openingHours as unknown[][])[6]).toEqual([{ open: "10:00", close: "20:00" }]);
  console.expectNone();
});

test("a new consent text needs a new version; both versions are kept; archiving asks first", async ({ page }) => {
  const console = watchConsole(page);
  const storeId = uniqueStoreId("tienda");
  const token = await adminToken(page.request);
  const settings = {
    name: "Muebles Sonrisa · Valencia",
    timeZone: "Europe/Madrid",
    languages: ["es", "en"],
    defaultLang: "es",
    question: { es: "¿Qué tal tu visita?", en: "How was your visit?" },
    scale: 5,
    reasons: { positive: [], neutral: [], negative: [] },
    optIn: { enabled: true, prompt: { es: "Únete", en: "Join" }, networks: ["instagram"] },
    consent: { version: "2026-11", text: { es: "Acepto.", en: "I agree." } },
    idleTimeoutSec: 20,
    misuseIntervalSec: 5,
  };
  const created = await page.request.post("/v1/stores", {
    headers: { authorization: `Bearer ${token}` },
    data: { id: storeId, ...settings },
  });
  expect(created.status()).toBe(201);
  await signIn(page, ADMIN, `/dashboard/settings/stores/${storeId}`);

  await page.getByLabel("Texto del consentimiento · Español").fill("Acepto recibir novedades.");
  await page.getByRole("button", { name: "Guardar cambios" }).first().click();
  await expect(page.getByText("Esta versión ya se guardó con otro texto: cambia la versión.")).toBeVisible();
  await expect(page.getByLabel("Versión del consentimiento")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Versión del consentimiento").fill("2026-12");
  await page.getByRole("button", { name: "Guardar cambios" }).first().click();
  await expect(page.getByText("Cambios guardados.", { exact: false })).toBeVisible();
  await page.getByText("Versiones guardadas (2)").click();
  await expect(page.getByText("Acepto.", { exact: true })).toBeVisible();
  await expect(page.getByText("Acepto recibir novedades.", { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, "store settings");
  await shootEverySize(page, "dashboard-store-settings", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  await page.getByRole("button", { name: "Archivar tienda" }).click();
  const dialog = page.getByRole("dialog", { name: "¿Archivar Muebles Sonrisa · Valencia?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  expect((await storeOf(page, storeId)).store?.archivedAt).toBeUndefined();
  await page.getByRole("button", { name: "Archivar tienda" }).click();
  await dialog.getByRole("button", { name: "Archivar" }).click();
  await expect(page.getByText(/^Archivada el /)).toBeVisible();
  expect((await storeOf(page, storeId)).store?.archivedAt).toEqual(expect.any(String));

  await page.getByRole("link", { name: "← Volver a Tiendas" }).click();
  await expect(page.locator(`li[data-store="${storeId}"]`)).toContainText("Archivada");
  await shootEverySize(page, "dashboard-stores", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
  console.expectNone([/status of 400/]);
});

test("marketing has no Stores page", async ({ page }) => {
  await signIn(page, MARKETING);
  await expect(page.getByRole("link", { name: "Regalos", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tiendas", exact: true })).toHaveCount(0);
  await page.goto("/dashboard/settings/stores");
  await expect(page.getByRole("heading", { level: 1, name: "Todas las tiendas" })).toBeVisible();
});
