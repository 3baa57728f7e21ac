/** Helpers for the kiosk browser tests: pairing through the real API, answering, counting on the server. */
import { type APIRequestContext, expect, type Page } from "@playwright/test";

export const STORE = "madrid-centro";
const ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" };

export async function adminToken(request: APIRequestContext): Promise<string> {
  const res = await request.post("/v1/auth/login", { data: ADMIN });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

export async function pairingCode(request: APIRequestContext, storeId = STORE): Promise<string> {
  const token = await adminToken(request);
  const res = await request.post(`/v1/stores/${storeId}/pairing-codes`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { code: string }).code;
}

/** Opens /kiosk, pairs it with a fresh code and waits for the attract screen. */
export async function pairKiosk(page: Page, storeId = STORE): Promise<void> {
  const code = await pairingCode(page.request, storeId);
  await page.goto("/kiosk");
  await page.getByRole("textbox").fill(code);
  await page.getByRole("button", { name: /^(Vincular|Pair)$/ }).click();
  await expect(faces(page)).toHaveCount(5);
}

export function faces(page: Page) {
  return page.locator("button[data-score]");
}

/** The member step (the demo's loyalty programme is on): "not a member" goes on to the opt-in. */
export async function notMember(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(No soy socio|I'm not a member)$/ }).click();
}

/** Taps a face by score. */
export async function tapFace(page: Page, score: number): Promise<void> {
  await page.locator(`button[data-score="${score}"]`).click();
}

/** One whole answer as fast as a shopper can: tap, finish at the first step, leave the thank-you. */
export async function quickAnswer(page: Page, score: number): Promise<void> {
  await tapFace(page, score);
  await page.getByRole("button", { name: /^(Terminar|Finish)$/ }).click();
  await page.getByRole("button", { name: /^(Volver al inicio|Back to start)$/ }).click();
  await expect(faces(page).first()).toBeVisible();
}

/** The store's answer count on the server, misuse included: every stored answer counts once. */
export async function storeTotal(request: APIRequestContext, storeId = STORE): Promise<number> {
  const token = await adminToken(request);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Madrid" }).format(new Date());
  const from = new Date(Date.parse(today) - 2 * 86_400_000).toISOString().slice(0, 10);
  const res = await request.get(`/v1/stores/${storeId}/results?from=${from}&to=${today}&includeMisuse=true`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

/** Queue depth as the status corner shows it (drafts included). */
export function queueDepth(page: Page) {
  return page.getByTestId("status-corner");
}

export async function expectQueueEmpty(page: Page, timeout = 30_000): Promise<void> {
  await expect(queueDepth(page)).toHaveAttribute("data-depth", "0", { timeout });
}

/** Collects console errors and page errors; network failures a test provokes can be allowed by pattern. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return {
    errors,
    expectNone(allowed: RegExp[] = []) {
      expect(errors.filter((e) => !allowed.some((re) => re.test(e)))).toEqual([]);
    },
  };
}

/**
 * Shortens the store's timings by rewriting the config the kiosk receives. The kiosk's If-None-Match is
 * dropped, so the server always sends a config to rewrite (a 304 has no body, and the cached config's
 * ETag is the server's, not the rewritten one's).
 */
export async function overrideConfig(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.route("**/v1/kiosk/config", async (route) => {
    const { "if-none-match": _etag, ...headers } = route.request().headers();
    const res = await route.fetch({ headers });
    await route.fulfill({ response: res, json: { ...(await res.json()), ...patch } });
  });
}
