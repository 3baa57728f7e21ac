/**
 * People and Staff & PINs in the dashboard, and a store manager's view: an admin adds a manager (inline
 * validation, the server's "e-mail taken"), the manager sees only its store and the pages it may use, sets
 * its store's PIN and adds a named staff member, who signs in to the staff console by name and hands a
 * gift over under that name. Screenshots of the new pages at 1366×900 and 390×844 in both languages.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { watchConsole } from "./support/kiosk.ts";

const ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" };
const SHOTS = "test-results/screens";
/** The store this file changes the PIN of; the PIN goes back to the demo's at the end. */
const STORE = "mexico-roma";
const STORE_NAME = "Muebles Sonrisa · CDMX Roma";
const MANAGER = { email: `gerente-${crypto.randomUUID().slice(0, 6)}@example.com`, password: "una clave bien larga" };
const SIZES = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
];

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel(/^(Correo electrónico|E-mail)$/).fill(user.email);
  await page.getByLabel(/^(Contraseña|Password)$/).fill(user.password);
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

/** Each size in Spanish and English, then back to Spanish at the test's own size. */
async function shots(page: Page, name: string): Promise<void> {
  const original = page.viewportSize()!;
  const choose = (label: string) => page.getByRole("button", { name: label, exact: true }).first().click();
  for (const lang of ["es", "en"] as const) {
    await choose(lang === "es" ? "Español" : "English");
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${size.width}x${size.height}.png`, fullPage: true });
    }
  }
  await choose("Español");
  await page.setViewportSize(original);
}

/**
 * A surprise pending at the store: for one answer, a rule of this store's own that always wins (other files
 * change the rules), then the rules as they were.
 */
async function pendingGift(request: APIRequestContext): Promise<string> {
  const login = await request.post("/v1/auth/login", { data: ADMIN });
  const admin = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const saved = ((await (await request.get("/v1/surprise-rules", { headers: admin })).json()) as { rules: unknown[] })
    .rules;
  const rule = {
    id: "people-spec",
    name: "Always, for the named-staff test",
    enabled: true,
    stores: [STORE],
    minScore: 1,
    maxScore: 5,
    requireOptIn: false,
    requireMember: false,
    probability: 1,
    dailyBudget: 1000,
    holdoutPercent: 0,
    gift: { name: { es: "Una taza", en: "A mug" } },
  };
  expect((await request.put("/v1/surprise-rules", { headers: admin, data: { rules: [rule] } })).status()).toBe(200);
  try {
    const created = await request.post(`/v1/stores/${STORE}/pairing-codes`, { headers: admin });
    const { code } = (await created.json()) as { code: string };
    const paired = await request.post("/v1/devices/pair", { data: { code } });
    const device = { authorization: `Bearer ${((await paired.json()) as { deviceToken: string }).deviceToken}` };
    const responses = [{ id: crypto.randomUUID(), at: new Date(Date.now() - 1_000).toISOString(), score: 5 }];
    const res = await request.post("/v1/responses", {
      headers: device,
      data: { responses, present: responses[0]!.id },
    });
    const won = ((await res.json()) as { results: { surprise?: { code: string } }[] }).results[0]?.surprise;
    expect(won?.code, "the answer won").toBeTruthy();
    return won!.code;
  } finally {
    await request.put("/v1/surprise-rules", { headers: admin, data: { rules: saved } });
  }
}

test.describe.configure({ mode: "serial" });

test("an admin adds a store manager on People, with inline validation and the server's errors", async ({ page }) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/dashboard");
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Personas" }).click();

  await expect(page.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  const list = page.locator("section", { has: page.getByRole("heading", { name: "Usuarios" }) });
  await expect(list.getByText("admin@sonrisa.local")).toBeVisible();
  await expect(list.getByText("marketing@sonrisa.local")).toBeVisible();

  const form = page.locator("section", { has: page.getByRole("heading", { name: "Añadir persona" }) });
  await form.getByLabel("Correo").fill("no-es-un-correo");
  await form.getByLabel("Rol").selectOption("manager");
  await form.getByLabel("Contraseña inicial").fill("corta");
  await form.getByRole("button", { name: "Añadir" }).click();
  await expect(form.getByText("Escribe un correo válido.")).toBeVisible();
  await expect(form.getByText("La contraseña debe tener al menos 12 caracteres.")).toBeVisible();
  await expect(form.getByText("Elige al menos una tienda para un gerente.")).toBeVisible();
  await expectNoSeriousViolations(page, "people with errors");
  await shots(page, "dashboard-people-errors");

  await form.getByLabel("Correo").fill(MANAGER.email);
  await form.getByLabel("Contraseña inicial").fill(MANAGER.password);
  await form.getByLabel(STORE_NAME).check();
  await form.getByRole("button", { name: "Añadir" }).click();
  await expect(form.getByRole("status")).toHaveText(`${MANAGER.email} ya puede entrar.`);
  const row = list.getByRole("listitem").filter({ hasText: MANAGER.email });
  await expect(row).toContainText("Gerencia de tienda");
  await expect(row).toContainText(STORE_NAME);

  await form.getByLabel("Correo").fill(MANAGER.email);
  await form.getByLabel("Contraseña inicial").fill(MANAGER.password);
  await form.getByLabel(STORE_NAME).check();
  await form.getByRole("button", { name: "Añadir" }).click();
  await expect(form.getByRole("alert")).toHaveText("Ya hay una persona con ese correo.");

  // The last admin cannot be disabled: the server says so in the row.
  const adminRow = list.getByRole("listitem").filter({ hasText: "admin@sonrisa.local" });
  await adminRow.getByRole("button", { name: "Desactivar admin@sonrisa.local" }).click();
  await expect(adminRow.getByRole("alert")).toHaveText(/última persona administradora/);

  await expectNoSeriousViolations(page, "people");
  await shots(page, "dashboard-people");
  console.expectNone([/status of (400|409)/]);
});

test("a manager sees only its store, sets its PIN and adds named staff; staff sign in by name", async ({
  page,
  browser,
  request,
}) => {
  const console = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/dashboard");
  await signIn(page, MANAGER);

  const nav = page.getByRole("navigation", { name: "Secciones" });
  await expect(nav.getByRole("link", { name: "Personal y PIN" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Regalos" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Personas" })).toHaveCount(0);
  const table = page.getByRole("table", { name: "Clasificación de tiendas" });
  await expect(table.locator("tbody tr[data-store]")).toHaveCount(1);
  await expect(table.locator(`tr[data-store="${STORE}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: /Exportar/ })).toHaveCount(0);
  await shots(page, "dashboard-manager-overview");

  await nav.getByRole("link", { name: "Personal y PIN" }).click();
  await expect(page.getByRole("heading", { name: "Personal y PIN", level: 1 })).toBeVisible();
  const pinCard = page.locator("section", { has: page.getByRole("heading", { name: "PIN de la tienda" }) });
  await pinCard.getByLabel("PIN nuevo").fill("12");
  await pinCard.getByRole("button", { name: "Cambiar PIN" }).click();
  await expect(pinCard.getByText("El PIN debe tener entre 4 y 8 cifras.")).toBeVisible();
  await pinCard.getByLabel("Cifras mínimas").selectOption("6");
  await pinCard.getByLabel("PIN nuevo").fill("135790");
  await pinCard.getByRole("button", { name: "Cambiar PIN" }).click();
  await expect(pinCard.getByRole("status")).toHaveText(/PIN cambiado/);

  const staff = page.locator("section", { has: page.getByRole("heading", { name: "Personal con nombre" }) });
  await staff.getByLabel("Nombre").fill("Lucía <b>");
  await staff.getByLabel("Su PIN").fill("8642");
  await staff.getByRole("button", { name: "Añadir" }).click();
  await expect(staff.getByText(/Escribe un nombre/)).toBeVisible();
  await expect(staff.getByText("El PIN debe tener entre 6 y 8 cifras.")).toBeVisible();
  await staff.getByLabel("Nombre").fill("Lucía");
  await staff.getByLabel("Su PIN").fill("864213");
  await staff.getByRole("button", { name: "Añadir" }).click();
  await expect(staff.getByRole("status")).toHaveText("Lucía ya puede entrar con su PIN.");
  await expect(staff.getByRole("listitem").filter({ hasText: "Lucía" })).toBeVisible();
  await staff.getByLabel("Nombre").fill("Óscar");
  await staff.getByLabel("Su PIN").fill("135790");
  await staff.getByRole("button", { name: "Añadir" }).click();
  await expect(staff.getByRole("alert")).toHaveText("Ese PIN ya se usa en esta tienda. Elige otro.");
  await expectNoSeriousViolations(page, "staff and PINs");
  await shots(page, "dashboard-staff-pins");

  // Lucía signs in to the staff console with her own PIN and hands a surprise over.
  const code = await pendingGift(request);
  const consolePage = await browser.newPage({ locale: "es-ES" });
  await consolePage.goto("/staff");
  await consolePage.getByLabel(/^Tienda$/).fill(STORE);
  await consolePage.getByLabel(/^PIN$/).fill("864213");
  await consolePage.getByRole("button", { name: "Entrar" }).click();
  await expect(consolePage.getByTestId("signed-in-person")).toHaveText("Sesión de Lucía");
  await consolePage.getByLabel("Código del regalo").fill(code);
  await consolePage.getByRole("button", { name: "Entregar", exact: true }).click();
  await consolePage.getByRole("dialog").getByRole("button", { name: "Sí, entregado" }).click();
  await expect(consolePage.locator(`#handed li[data-code="${code}"]`)).toContainText("Lucía");
  await consolePage.screenshot({ path: `${SHOTS}/staff-console-named-es-1024x768.png`, fullPage: true });
  await consolePage.close();

  // Back to the demo PIN, so other files sign in as before.
  await pinCard.getByLabel("Cifras mínimas").selectOption("4");
  await pinCard.getByLabel("PIN nuevo").fill("2468");
  await pinCard.getByRole("button", { name: "Cambiar PIN" }).click();
  await expect(pinCard.getByRole("status")).toHaveText(/PIN cambiado/);
  console.expectNone([/status of 409/]);
});

test("the account page changes one's own password; the old one stops working", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/dashboard");
  await signIn(page, MANAGER);
  await page.getByRole("link", { name: `Tu cuenta: ${MANAGER.email}` }).click();

  await expect(page.getByRole("heading", { name: "Tu cuenta", level: 1 })).toBeVisible();
  await page.getByLabel("Contraseña actual").fill(MANAGER.password);
  await page.getByLabel("Contraseña nueva", { exact: true }).fill("otra clave más larga");
  await page.getByLabel("Repite la contraseña nueva").fill("otra clave distinta");
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.getByText("Las dos contraseñas nuevas no coinciden.")).toBeVisible();
  await page.getByLabel("Repite la contraseña nueva").fill("otra clave más larga");
  await page.getByRole("button", { name: "Cambiar contraseña" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Contraseña cambiada." })).toBeVisible();
  await expectNoSeriousViolations(page, "account");
  await shots(page, "dashboard-account");

  // Still signed in with the new session: the store list loads.
  await page.getByRole("link", { name: "Resumen" }).click();
  await expect(page.getByRole("table", { name: "Clasificación de tiendas" })).toBeVisible();
  const old = await page.request.post("/v1/auth/login", { data: MANAGER });
  expect(old.status()).toBe(401);
});
