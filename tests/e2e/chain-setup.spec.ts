/**
 * The whole story of issue 10 on an empty organisation, in a real browser: a stack of its own started with no
 * demo data and a first admin (what `SONRISA_DEMO=off SONRISA_ADMIN_EMAIL=… SONRISA_ADMIN_PASSWORD=… npm start`
 * does), then everything from the dashboard: a 4-face English-only store, its staff PIN, a marketing colleague,
 * a kiosk paired with a code, a shopper's answer seen by marketing, the kiosk online and then revoked, and the
 * tablet back at its pairing screen. Screenshots of each step at 1366×768 (test-results/screens/setup-*.png).
 */
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type LocalStack, startLocalStack } from "../../functions/src/local/local-stack.ts";
import { expectNoSeriousViolations, SHOTS, signIn } from "./support/dashboard.ts";
import { expectQueueEmpty, faces, tapFace, watchConsole } from "./support/kiosk.ts";

const FIRST_ADMIN = { email: "owner@chain.example", password: "a long first password" };
const MARKETING = { email: "marketing@chain.example", password: "marketing needs 12+" };
const STORE = { id: "london-expo", name: "Sonrisa Pop-up · London Expo" };
const SCREEN = { width: 1366, height: 768 };
const staticDir = process.env.E2E_DIST ?? fileURLToPath(new URL("../../kiosk-web/dist", import.meta.url));

let stack: LocalStack;
const contexts: BrowserContext[] = [];

// DynamoDB Local takes a few seconds to start on a busy machine.
test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startLocalStack({
    port: 0,
    seed: false,
    firstAdmin: FIRST_ADMIN,
    scheduler: false,
    quiet: true,
    staticDir,
  });
  expect(stack.firstAdmin).toBe("created");
});

test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await stack?.stop();
});

/** A browser of its own (own storage) on the empty stack, e.g. the admin's laptop or the store's tablet. */
async function device(browser: Browser, locale = "es-ES"): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.url, viewport: SCREEN, hasTouch: true, locale });
  contexts.push(context);
  return context.newPage();
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/setup-${name}.png`, fullPage: true });

test("a chain sets itself up from an empty organisation, from the first admin to a revoked kiosk", async ({
  browser,
}) => {
  // A dozen screens on three browsers, on a shared machine that may be busy: generous.
  test.setTimeout(300_000);
  const admin = await device(browser);
  const adminConsole = watchConsole(admin);

  // 1. The first admin signs in: an organisation without stores.
  await signIn(admin, FIRST_ADMIN);
  const nav = admin.getByRole("navigation", { name: "Secciones" });
  await expect(nav.getByRole("link", { name: "Por tienda" })).toHaveCount(0);
  await shot(admin, "01-empty");

  // 2. Stores: a 4-face, English-only store, after one look at the inline validation.
  await nav.getByRole("link", { name: "Tiendas", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Tiendas" })).toBeVisible();
  await admin.getByRole("link", { name: "+ Nueva tienda" }).click();
  await admin.getByLabel("Identificador", { exact: true }).fill("London");
  await admin.getByLabel("Nombre", { exact: true }).focus();
  await expect(admin.getByText("Minúsculas, cifras y guiones: de 3 a 40 caracteres.")).toBeVisible();
  await admin.getByRole("button", { name: "Crear tienda" }).first().click();
  await expect(admin.getByRole("status").filter({ hasText: /campos por revisar/ })).toBeVisible();
  await expect(admin.getByLabel("Nombre", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await shot(admin, "02-store-validation");

  await admin.getByLabel("Identificador", { exact: true }).fill(STORE.id);
  await admin.getByLabel("Nombre", { exact: true }).fill(STORE.name);
  await admin.getByLabel("Zona horaria").selectOption("Europe/London");
  await admin.getByLabel("4 caras (sin la neutral)").check();
  await admin.getByRole("checkbox", { name: "Español" }).uncheck();
  await admin.getByLabel("Pregunta · Inglés").fill("How was our stand?");
  await admin.getByRole("button", { name: "+ Añadir motivo · Positivos (4–5)" }).click();
  await admin.getByLabel("Texto · Inglés").fill("Great demo");
  await admin.getByLabel("Invitación · Inglés").fill("Join our list");
  await admin.getByLabel("Texto del consentimiento · Inglés").fill("I agree that Sonrisa keeps my e-mail.");
  await admin.getByRole("button", { name: "Crear tienda" }).first().click();
  await expect(admin.getByRole("heading", { level: 1, name: `Ajustes de ${STORE.name}` })).toBeVisible();
  await shot(admin, "03-store-created");
  await admin.getByRole("link", { name: "← Volver a Tiendas" }).click();
  await expect(admin.locator(`li[data-store="${STORE.id}"]`)).toContainText(STORE.name);
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(admin.locator(`li[data-store="${STORE.id}"]`)).toBeVisible();
  await shot(admin, "04-stores-phone");
  await admin.setViewportSize(SCREEN);

  // 3. The store's staff PIN.
  await nav.getByRole("link", { name: "Personal y PIN" }).click();
  const pinCard = admin.locator("section", { has: admin.getByRole("heading", { name: "PIN de la tienda" }) });
  await pinCard.getByLabel("PIN nuevo").fill("4826");
  await pinCard.getByRole("button", { name: "Cambiar PIN" }).click();
  await expect(pinCard.getByRole("status")).toHaveText(/PIN cambiado/);
  await shot(admin, "05-staff-pin");

  // 4. A marketing colleague.
  await nav.getByRole("link", { name: "Personas" }).click();
  const form = admin.locator("section", { has: admin.getByRole("heading", { name: "Añadir persona" }) });
  await form.getByLabel("Correo").fill(MARKETING.email);
  await form.getByLabel("Rol").selectOption("marketing");
  await form.getByLabel("Contraseña inicial").fill(MARKETING.password);
  await form.getByRole("button", { name: "Añadir" }).click();
  await expect(form.getByRole("status")).toHaveText(`${MARKETING.email} ya puede entrar.`);
  await shot(admin, "06-people");

  // 5. A pairing code on Kiosks, typed on the store's tablet: it offers 4 faces, in English only.
  await nav.getByRole("link", { name: "Quioscos" }).click();
  await admin.getByRole("button", { name: "Crear código" }).click();
  const code = (await admin.getByTestId("pairing-code").innerText()).replace(/\s/g, "");
  expect(code).toMatch(/^\w{4,}$/);
  await shot(admin, "07-pairing-code");

  const tablet = await device(browser, "en-GB");
  const tabletConsole = watchConsole(tablet);
  await tablet.goto("/kiosk");
  await tablet.getByRole("textbox").fill(code);
  await tablet.getByRole("button", { name: "Pair" }).click();
  await expect(faces(tablet)).toHaveCount(4);
  await expect(tablet.locator('button[data-score="3"]')).toHaveCount(0);
  await expect(tablet.getByText("How was our stand?")).toBeVisible();
  await expect(tablet.getByRole("button", { name: "Español" })).toHaveCount(0);
  await shot(tablet, "08-kiosk-paired");

  // 6. A shopper answers; the answer reaches the server.
  await tapFace(tablet, 5);
  await tablet.getByRole("button", { name: "Great demo" }).click();
  await tablet.getByRole("button", { name: "Finish" }).click();
  await tablet.getByRole("button", { name: "Back to start" }).click();
  await expectQueueEmpty(tablet);

  // 7. Marketing signs in and finds the answer in that store's results.
  const marketing = await device(browser);
  const marketingConsole = watchConsole(marketing);
  await signIn(marketing, MARKETING);
  await marketing.getByRole("navigation", { name: "Secciones" }).getByRole("link", { name: "Por tienda" }).click();
  await expect(marketing.getByRole("heading", { level: 1, name: STORE.name })).toBeVisible();
  await expect(marketing.locator('[data-kpi="answers"] dd').first()).toHaveText("1");
  await expect(marketing.getByRole("link", { name: "Quioscos" })).toHaveCount(0);
  await shot(marketing, "09-marketing-results");

  // 8. The admin sees the kiosk online with its queue depth, and revokes it.
  await admin.reload();
  const card = admin.locator("li[data-device]");
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-state", "online");
  await expect(card.locator('[data-fact="queue"]')).toHaveText("0");
  await expectNoSeriousViolations(admin, "kiosks of the new store");
  await shot(admin, "10-kiosk-online");
  await card.getByRole("button", { name: /^Revocar / }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Revocar" }).click();
  await expect(card).toHaveAttribute("data-state", "revoked");
  await shot(admin, "11-kiosk-revoked");

  // 9. The tablet learns it at its next request (a shopper's answer, kept in its queue) and asks to pair again.
  await tapFace(tablet, 1);
  await tablet.getByRole("button", { name: "Finish" }).click();
  await expect(tablet.getByRole("heading", { name: "Pair this kiosk" })).toBeVisible();
  await expect(tablet.getByText(/1 waiting answer/)).toBeVisible();
  await shot(tablet, "12-kiosk-unpaired");

  adminConsole.expectNone([/status of 400/]);
  marketingConsole.expectNone();
  tabletConsole.expectNone([/status of 401/]);
});
