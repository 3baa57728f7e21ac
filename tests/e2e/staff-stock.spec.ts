/**
 * The staff console's stock and notices: staff set a low-stock threshold and add an item in the editor,
 * the editor checks what it sends with the API's schema and says what is wrong where it is wrong, names
 * stored as "es / en" show in the console's language, and an old error goes once something later succeeds.
 * Runs on the CDMX store, whose stock no other browser test counts.
 */
import { expect, type Page, test } from "@playwright/test";
import { watchConsole } from "./support/kiosk.ts";

const STORE = "mexico-roma";
const PIN = "2468";

async function signIn(page: Page): Promise<void> {
  await page.goto("/staff");
  await page.getByLabel(/^(Tienda|Store)$/).fill(STORE);
  await page.getByLabel(/^PIN$/).fill(PIN);
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await expect(page.locator("#stock li").first()).toBeVisible();
}

/** The store's stock as the API returns it. */
async function stockOnServer(page: Page) {
  const login = await page.request.post("/v1/auth/staff", { data: { storeId: STORE, pin: PIN } });
  const { token } = (await login.json()) as { token: string };
  const res = await page.request.get(`/v1/stores/${STORE}/stock`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { items: { item: string; name: string; quantity: number; lowAt: number }[] }).items;
}

test("staff set an item's low-stock threshold and add an item, its id made from its name", async ({ page }) => {
  const console = watchConsole(page);
  await signIn(page);
  const stock = page.locator("#stock");
  await stock.getByRole("button", { name: "Editar existencias" }).click();

  const coffee = stock.getByRole("group", { name: "Café", exact: true });
  await expect(coffee.getByRole("textbox", { name: "Aviso con ≤ Café" })).toHaveValue("10");
  await coffee.getByRole("textbox", { name: "Aviso con ≤ Café" }).fill("500");
  await stock.getByLabel("Nombre").fill("Taza de cerámica");
  await expect(stock.getByLabel("Identificador")).toHaveValue("taza-de-ceramica");
  const fresh = stock.getByRole("group", { name: "Añadir un artículo (opcional)" });
  await fresh.getByLabel("En tienda").fill("12");
  await fresh.getByLabel("Aviso con ≤").fill("3");
  await stock.getByRole("button", { name: "Guardar" }).click();

  await expect(stock.getByRole("status")).toHaveText(/Existencias guardadas/);
  const mug = stock.locator('li[data-item="taza-de-ceramica"]');
  await expect(mug).toContainText("Taza de cerámica");
  await expect(mug.getByTestId("available")).toHaveText("12");
  await expect(mug).toContainText("Aviso con 3 o menos");
  await expect(stock.locator('li[data-item="coffee"]')).toContainText("Quedan pocos");
  expect(await stockOnServer(page)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ item: "taza-de-ceramica", name: "Taza de cerámica", quantity: 12, lowAt: 3 }),
      expect.objectContaining({ item: "coffee", lowAt: 500 }),
    ]),
  );
  console.expectNone();
});

test("the editor names the problem at the field and sends nothing until it is fixed", async ({ page }) => {
  await signIn(page);
  const puts: string[] = [];
  page.on("request", (r) => r.method() === "PUT" && puts.push(r.url()));
  const stock = page.locator("#stock");
  await stock.getByRole("button", { name: "Editar existencias" }).click();

  await stock.getByLabel("Nombre").fill("Café solo");
  await stock.getByLabel("Identificador").fill("coffee");
  await stock.getByRole("button", { name: "Guardar" }).click();
  const id = stock.getByLabel("Identificador");
  await expect(id).toBeFocused();
  await expect(id).toHaveAttribute("aria-invalid", "true");
  await expect(id).toHaveAccessibleDescription(/Ya hay un artículo con este identificador/);
  await expect(stock.getByRole("alert")).toHaveText("Revisa los campos marcados.");

  await id.fill("Café solo!");
  await expect(id).toHaveValue("café solo!");
  await expect(id).toHaveAccessibleDescription(/Minúsculas, cifras y guiones/);
  const fresh = stock.getByRole("group", { name: "Añadir un artículo (opcional)" });
  await expect(fresh.getByLabel("En tienda")).toHaveAccessibleDescription(/número entero/);
  const tote = stock.getByRole("group", { name: "Bolsa de tela" });
  await tote.getByRole("textbox", { name: "En tienda Bolsa de tela" }).fill("");
  await expect(tote).toContainText("Escribe un número entero, 0 o más.");

  await stock.getByRole("button", { name: "Cancelar" }).click();
  await expect(stock.locator("li")).not.toHaveCount(0);
  expect(puts).toEqual([]);
});

test("stock rows line up in the editor and names stored in both languages show in one", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page);
  const stock = page.locator("#stock");
  await expect(stock.locator('li[data-item="coffee"]')).toContainText(/^Café(?! \/)/);
  await expect(stock).not.toContainText("Coffee");
  await page.getByRole("button", { name: "English" }).click();
  await expect(stock.locator('li[data-item="coffee"]')).toContainText(/^Coffee(?! \/)/);
  await expect(stock).not.toContainText("Café");
  await expect(page.locator("#sp-item")).toContainText("Tote bag (");

  await stock.getByRole("button", { name: "Edit stock" }).click();
  const columns = async (item: string) => {
    const row = stock.locator(`fieldset[data-item="${item}"]`);
    const left = async (name: RegExp) => (await row.getByRole("textbox", { name }).boundingBox())!.x;
    return [await left(/^In store/), await left(/^Warn at/)];
  };
  expect(await columns("tote-bag")).toEqual(await columns("coffee"));
});

test("an old error goes once a later action succeeds elsewhere in the console", async ({ page }) => {
  const console = watchConsole(page);
  await signIn(page);
  await page.getByLabel("Código del regalo").fill("ZZZZZZ");
  await page.getByRole("button", { name: "Entregar", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sí, entregado" }).click();
  const handOver = page.locator("#hand-over");
  await expect(handOver.getByRole("alert")).toHaveText(/No hay ningún regalo con ese código hoy/);
  await expect(page.getByLabel("Código del regalo")).toHaveAttribute("aria-invalid", "true");

  await page.locator("#stock").getByRole("button", { name: "Editar existencias" }).click();
  await page.locator("#stock").getByRole("button", { name: "Guardar" }).click();
  await expect(page.locator("#stock").getByRole("status")).toHaveText(/Existencias guardadas/);
  await expect(handOver).not.toContainText("No hay ningún regalo");
  await expect(page.getByLabel("Código del regalo")).not.toHaveAttribute("aria-invalid", "true");
  console.expectNone([/status of 404/]);
});
