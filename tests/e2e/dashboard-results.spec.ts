/**
 * The dashboard for marketing and admin: answers seeded through the real API show up in the all-stores
 * table and a store's page (total, chart, heatmap, comments); a store's CSV export downloads, with contact
 * details for an admin who asks; an admin creates a pairing code that really pairs a kiosk; axe finds
 * nothing serious or critical on the sign-in and results screens.
 */
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { watchConsole } from "./support/kiosk.ts";

const ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" };
const MARKETING = { email: "marketing@sonrisa.local", password: "sonrisa-marketing" };
const SHOTS = "test-results/screens";

interface StoreRow {
  storeId: string;
  name: string;
  total: number;
  misuse: number;
}

async function token(request: APIRequestContext, user: { email: string; password: string }): Promise<string> {
  const res = await request.post("/v1/auth/login", { data: user });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Pairs a fresh device to the store through an admin's pairing code. */
async function pairDevice(request: APIRequestContext, storeId: string): Promise<string> {
  const admin = await token(request, ADMIN);
  const created = await request.post(`/v1/stores/${storeId}/pairing-codes`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { code } = (await created.json()) as { code: string };
  const paired = await request.post("/v1/devices/pair", { data: { code } });
  expect(paired.status(), await paired.text()).toBe(200);
  return ((await paired.json()) as { deviceToken: string }).deviceToken;
}

/** Posts answers as a kiosk would, `at` spaced minutes apart in the last hours, and checks each was stored. */
async function postAnswers(request: APIRequestContext, storeId: string, answers: Record<string, unknown>[]) {
  const device = await pairDevice(request, storeId);
  const now = Date.now();
  const responses = answers.map((answer, i) => ({
    id: crypto.randomUUID(),
    at: new Date(now - (answers.length - i) * 7 * 60_000).toISOString(),
    ...answer,
  }));
  const res = await request.post("/v1/responses", {
    headers: { authorization: `Bearer ${device}` },
    data: { responses },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { results } = (await res.json()) as { results: { status: string }[] };
  expect(results.map((r) => r.status)).toEqual(responses.map(() => "stored"));
}

/** The last 30 days up to today in Madrid, the latest calendar date among the demo stores. */
function last30Days(): { from: string; to: string } {
  const to = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid" }).format(new Date());
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

async function allResults(request: APIRequestContext, range: { from: string; to: string }): Promise<StoreRow[]> {
  const res = await request.get(`/v1/results?from=${range.from}&to=${range.to}`, {
    headers: { authorization: `Bearer ${await token(request, MARKETING)}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { stores: StoreRow[] }).stores;
}

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.getByLabel("Correo electrónico").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

const count = (n: number) => new Intl.NumberFormat("es-ES").format(n);

test("the sign-in screen is accessible and says when the password is wrong", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Entra en el panel" })).toBeVisible();
  await expectNoSeriousViolations(page, "sign-in");

  await signIn(page, { ...MARKETING, password: "not-the-password" });

  await expect(page.getByRole("alert")).toHaveText("Correo o contraseña incorrectos.");
  await page.screenshot({ path: `${SHOTS}/dashboard-sign-in-error.png` });
  console.expectNone([/401/]);
});

test("marketing sees every store's total, then a store's chart, heatmap and latest comment", async ({ page }) => {
  const console = watchConsole(page);
  const range = last30Days();
  const before = await allResults(page.request, range);
  const comment = `Sofás comodísimos, prueba ${crypto.randomUUID().slice(0, 8)}`;
  await postAnswers(page.request, "barcelona-gracia", [
    { score: 5, reasons: ["friendly-staff"] },
    {
      score: 4,
      reasons: ["quality"],
      optIn: { email: "e2e@example.com", consent: { version: "2026-11", granted: true } },
    },
    { score: 2, reasons: ["waiting"] },
    { score: 5, reasons: ["quality"], comment, lang: "es" },
  ]);
  await postAnswers(page.request, "mexico-roma", [{ score: 4 }, { score: 1, reasons: ["messy"] }]);
  const after = await allResults(page.request, range);
  const totalOf = (rows: StoreRow[], id: string) => rows.find((r) => r.storeId === id)?.total ?? 0;
  expect(totalOf(after, "barcelona-gracia") - totalOf(before, "barcelona-gracia")).toBe(4);
  expect(totalOf(after, "mexico-roma") - totalOf(before, "mexico-roma")).toBe(2);

  await page.goto(`/dashboard?from=${range.from}&to=${range.to}`);
  await signIn(page, MARKETING);

  const table = page.getByRole("table", { name: "Clasificación de tiendas" });
  for (const store of after) {
    const row = table.locator(`tr[data-store="${store.storeId}"]`);
    await expect(row.getByRole("rowheader")).toHaveText(store.name);
    await expect(row.locator('[data-col="total"]')).toHaveText(count(store.total));
  }
  await expect(table.locator("tfoot [data-col='total']")).toHaveText(count(after.reduce((n, s) => n + s.total, 0)));
  await expect(page.getByText("límite inferior de Wilson")).toBeVisible();
  await expect(page.getByRole("link", { name: "Quioscos" })).toHaveCount(0); // marketing cannot pair kiosks
  await expectNoSeriousViolations(page, "all stores");

  const barcelona = after.find((s) => s.storeId === "barcelona-gracia")!;
  await table.getByRole("link", { name: barcelona.name }).click();

  await expect(page).toHaveURL(/\/dashboard\/stores\/barcelona-gracia\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(barcelona.name);
  await expect(page.locator('[data-kpi="answers"] dd').first()).toHaveText(count(barcelona.total));
  await expect(page.getByTestId("series-chart").locator("canvas").first()).toBeVisible();
  const heatmap = page.getByRole("table", { name: "Respuestas por día de la semana y hora local" });
  await expect(heatmap.locator("tbody tr")).toHaveCount(7);
  await expect(heatmap.locator("td[data-total]:not([data-total='0'])").first()).toHaveAttribute(
    "aria-label",
    /respuestas?, CSAT/,
  );
  await expect(page.getByTestId("comment").first()).toContainText(comment);
  await expect(page.getByTestId("comment").first()).toContainText("Calidad"); // the reason's label, not its id
  await page.screenshot({ path: `${SHOTS}/dashboard-store-1024x768.png`, fullPage: true });
  await expectNoSeriousViolations(page, "store results");
  console.expectNone();
});

test("a store's export button downloads its answers as CSV, with contact details when an admin asks", async ({
  page,
}) => {
  const console = watchConsole(page);
  const email = `export-${crypto.randomUUID().slice(0, 8)}@example.com`;
  await postAnswers(page.request, "madrid-centro", [
    { score: 5, optIn: { email, consent: { version: "2026-11", granted: true } } },
  ]);
  await page.goto("/dashboard/stores/madrid-centro");
  await signIn(page, ADMIN);

  await page.getByLabel("Con datos de contacto").check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Exportar CSV" }).click(),
  ]);

  expect(download.suggestedFilename()).toMatch(/^sonrisa-madrid-centro-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^id,storeId,.*,email,phone,socialNetwork,socialHandle$/);
  expect(csv).toContain(email);
  console.expectNone();
});

test("an admin creates a pairing code that a kiosk can use, shown with its expiry", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/dashboard");
  await signIn(page, ADMIN);

  await page.getByRole("link", { name: "Quioscos" }).click();
  await page.getByLabel("Tienda").selectOption("mexico-roma");
  await page.getByRole("button", { name: "Crear código" }).click();

  const shown = page.getByTestId("pairing-code");
  await expect(shown).toHaveText(/^[A-HJ-NP-Z2-9]{4}\s*[A-HJ-NP-Z2-9]{4}$/);
  await expect(page.getByText(/^Caduca en 1[45]:\d\d$/)).toBeVisible();
  await expect(page.getByText("Para Muebles Sonrisa · CDMX Roma")).toBeVisible();
  const code = ((await shown.textContent()) ?? "").replace(/\s/g, "");
  const paired = await page.request.post("/v1/devices/pair", { data: { code } });
  expect(paired.status(), await paired.text()).toBe(200);
  expect(((await paired.json()) as { storeId: string }).storeId).toBe("mexico-roma");
  console.expectNone();
});
