/**
 * The dashboard's Integrations page (issue 14, items 4 and 5): an admin makes an integration key (shown once) that
 * a point of sale posts a purchase with, twice, counted once; revokes it (401 from the next request); registers
 * a webhook to a receiver on 127.0.0.1 that verifies every signature, sends a test event, sees it delivered in
 * the log with the receiver's 200, and replays it under the same webhook-id. Screenshots at 1366×900 and
 * 390×844 in both languages.
 */
import { type APIRequestContext, expect, test } from "@playwright/test";
import { type Receiver, startReceiver } from "../api/support/webhook-receiver.ts";
import { ADMIN, expectNoSeriousViolations, shootEverySize, signIn, useLang } from "./support/dashboard.ts";
import { STORE, watchConsole } from "./support/kiosk.ts";

let receiver: Receiver | undefined;
test.afterEach(async () => {
  await receiver?.stop();
});

/** The store's purchase count today, as its results say. */
async function purchasesToday(request: APIRequestContext) {
  const login = await request.post("/v1/auth/login", { data: ADMIN });
  const { token } = (await login.json()) as { token: string };
  const res = await request.get(`/v1/stores/${STORE}/results`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { purchases: { count: number } }).purchases.count;
}

test("an admin makes a key that posts a purchase once, revokes it, and sends a signed test webhook and replays it", async ({
  page,
}) => {
  const console = watchConsole(page);
  const secrets: string[] = [];
  receiver = await startReceiver(() => secrets);

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Integraciones" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Integraciones" })).toBeVisible();

  // A key for the point of sale, shown once.
  const name = `TPV ${Date.now()}`;
  await page.getByLabel("Nombre de la clave").fill(name);
  await page.getByRole("button", { name: "Crear clave" }).click();
  const keySecret = (await page.getByTestId("secret").textContent()) ?? "";
  expect(keySecret).toMatch(/^sik_[a-z2-9]{12}_[A-Za-z0-9]{40}$/);
  await page.getByRole("button", { name: "Hecho, ya la he guardado" }).click();
  await expect(page.getByTestId("secret")).toHaveCount(0);
  const row = page.locator("li[data-key]", { hasText: name });
  await expect(row).toContainText("Sin usar");
  expect(await page.content()).not.toContain(keySecret);

  // The point of sale posts one sale twice: it counts once.
  const before = await purchasesToday(page.request);
  const sale = {
    externalId: `E2E-${Date.now()}`,
    storeId: STORE,
    at: new Date().toISOString(),
    amount: 2590,
    currency: "EUR",
  };
  const headers = { authorization: `Bearer ${keySecret}` };
  expect((await page.request.post("/v1/purchases", { headers, data: sale })).status()).toBe(201);
  expect((await page.request.post("/v1/purchases", { headers, data: sale })).status()).toBe(201);
  expect(await purchasesToday(page.request)).toBe(before + 1);

  // Revoked from the page, the key is refused from its next request.
  await page.reload();
  await expect(row).toContainText("Último uso");
  await row.getByRole("button", { name: `Revocar ${name}` }).click();
  await page.getByRole("dialog", { name: "¿Revocar la clave?" }).getByRole("button", { name: "Revocar" }).click();
  await expect(row).toHaveAttribute("data-revoked", "true");
  const refused = await page.request.post("/v1/purchases", {
    headers,
    data: { ...sale, externalId: `${sale.externalId}-2` },
  });
  expect(refused.status()).toBe(401);

  // A webhook to the local receiver; its signing secret is shown once.
  await page.getByLabel("Dirección (https)").fill(receiver.url);
  await page.getByLabel("Descripción").fill("Receptor de prueba");
  await page.getByRole("checkbox", { name: "Respuesta guardada" }).check();
  await page.getByRole("checkbox", { name: "Regalo ganado" }).check();
  await page.getByRole("button", { name: "Añadir webhook" }).click();
  const whsec = (await page.getByTestId("secret").textContent()) ?? "";
  expect(whsec).toMatch(/^whsec_/);
  secrets.push(whsec);
  await page.getByRole("button", { name: "Hecho, ya la he guardado" }).click();

  // A test event in its real shape, verified by the receiver, delivered with its 200 in the log.
  const endpoint = page.locator("li[data-endpoint]", { hasText: receiver.url });
  await endpoint.getByLabel("Evento de prueba").selectOption("gift.won");
  await endpoint.getByRole("button", { name: "Enviar evento de prueba" }).click();
  const message = endpoint.locator("tr[data-message]").first();
  await expect(message).toHaveAttribute("data-status", "delivered");
  await expect(message.locator('li[data-code="200"]')).toHaveCount(1);
  expect(receiver.received).toHaveLength(1);
  expect(receiver.received[0]!.status).toBe(200);
  expect(receiver.received[0]!.payload.type).toBe("gift.won");
  const id = await message.getAttribute("data-message");
  expect(receiver.received[0]!.id).toBe(id);
  await expectNoSeriousViolations(page, "integrations");

  // A replay sends it again under the same webhook-id; the log shows both attempts.
  await message.getByRole("button", { name: `Reenviar ${id}` }).click();
  await expect(message.locator('li[data-code="200"]')).toHaveCount(2);
  expect(receiver.received.map((r) => [r.id, r.status])).toEqual([
    [id, 200],
    [id, 200],
  ]);
  await shootEverySize(page, "dashboard-integrations", async () => {
    await expect(endpoint).toBeVisible();
  });
  await useLang(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Integrations" })).toBeVisible();
  await expect(message).toContainText("Delivered");
  await expect(page.getByRole("heading", { name: "Integration keys" })).toBeVisible();
  await useLang(page, "es");
  console.expectNone();
});
