/**
 * The shopper flow against the real local stack: every step in both languages, consent, timeouts,
 * misuse and the surprise reveal. Each answer is checked where it matters: on the server.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type Request, test } from "@playwright/test";
import {
  adminToken,
  expectQueueEmpty,
  faces,
  notMember,
  overrideConfig,
  pairKiosk,
  quickAnswer,
  STORE,
  storeTotal,
  tapFace,
  watchConsole,
} from "./support/kiosk.ts";

/** The answers the kiosk posted, as the server received them. */
function postedAnswers(page: Page): Array<Record<string, unknown>> {
  const answers: Array<Record<string, unknown>> = [];
  page.on("request", (req: Request) => {
    if (req.method() === "POST" && req.url().endsWith("/v1/responses")) {
      answers.push(...(req.postDataJSON() as { responses: Array<Record<string, unknown>> }).responses);
    }
  });
  return answers;
}

// No surprise rule while these flows run: a won surprise holds the thank-you screen longer (so the shopper
// can show it to staff), which would make the timing of the plain flows depend on a random draw.
// The surprise test below sets its own rule.
test.beforeAll(async ({ request }) => {
  const token = await adminToken(request);
  const res = await request.put("/v1/surprise-rules", {
    headers: { authorization: `Bearer ${token}` },
    data: { rules: [] },
  });
  expect(res.status()).toBe(200);
});

async function latestComments(page: Page): Promise<string[]> {
  const token = await adminToken(page.request);
  const res = await page.request.get(`/v1/stores/${STORE}/comments`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items?: Array<{ comment: string }>; comments?: Array<{ comment: string }> };
  return (body.items ?? body.comments ?? []).map((c) => c.comment);
}

test("a shopper answers every step in Spanish and the answer is stored once, with its opt-in", async ({ page }) => {
  const console = watchConsole(page);
  const posted = postedAnswers(page);
  await pairKiosk(page);
  const before = await storeTotal(page.request);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("¿Qué tal tu experiencia hoy?");
  await page.getByRole("button", { name: "Muy satisfecho", exact: true }).click();
  await expect(page.getByRole("heading", { name: "¿Qué te ha gustado?" })).toBeVisible();
  await page.getByRole("button", { name: "Personal amable" }).click();
  await page.getByRole("button", { name: "Calidad" }).click();
  await page.getByRole("button", { name: "Continuar" }).click();
  const comment = `Todo perfecto ${Date.now()}`;
  await page.getByRole("textbox", { name: "Tu comentario" }).fill(comment);
  await expect(page.getByText(`${comment.length} de 500 caracteres`)).toBeVisible();
  await page.getByRole("button", { name: "Continuar" }).click();
  await notMember(page);
  await expect(page.getByText(/^Acepto que Muebles Sonrisa/)).toBeVisible();
  await page.getByRole("textbox", { name: "Correo electrónico" }).fill("ana@example");
  await page.getByRole("checkbox", { name: "Acepto" }).check();
  await page.getByRole("button", { name: "Unirme" }).click();
  await expect(page.getByRole("alert")).toHaveText(/Revisa el correo/);
  await page.getByRole("textbox", { name: "Correo electrónico" }).fill("ana@example.com");
  await page.getByRole("button", { name: "Unirme" }).click();
  await expect(page.getByRole("heading", { name: "¡Gracias!" })).toBeVisible();

  await expectQueueEmpty(page);
  expect(await storeTotal(page.request)).toBe(before + 1);
  expect(posted).toHaveLength(1);
  expect(posted[0]).toMatchObject({
    score: 5,
    lang: "es",
    reasons: ["friendly-staff", "quality"],
    comment,
    optIn: { email: "ana@example.com", consent: { version: "2026-11", granted: true } },
  });
  expect(await latestComments(page)).toContain(comment);
  await expect(faces(page)).toHaveCount(5, { timeout: 8_000 }); // the thank-you returns by itself
  console.expectNone();
});

test("a shopper answers in English with a phone opt-in; without the consent box nothing personal is sent", async ({
  page,
}) => {
  const console = watchConsole(page);
  const posted = postedAnswers(page);
  await pairKiosk(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How was your visit today?");

  await page.getByRole("button", { name: "Very dissatisfied", exact: true }).click();
  await expect(page.getByRole("heading", { name: "What could we do better?" })).toBeVisible();
  await page.getByRole("button", { name: "Long wait" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Skip" }).click();
  await notMember(page);
  await page.getByRole("radio", { name: "Phone" }).check();
  await page.getByRole("textbox", { name: "Phone number" }).fill("+34 600 123 456");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("alert")).toHaveText("Tick the consent box to continue");
  await page.getByRole("button", { name: "No, thanks" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await page.getByRole("button", { name: "Back to start" }).click();

  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("button", { name: "Satisfied", exact: true }).click();
  await page.getByRole("button", { name: "Skip" }).click();
  await page.getByRole("button", { name: "Skip" }).click();
  await notMember(page);
  await page.getByRole("radio", { name: "Phone" }).check();
  await page.getByRole("textbox", { name: "Phone number" }).fill("+34 600 123 456");
  await page.getByRole("checkbox", { name: "I agree" }).check();
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: "Thank you!" })).toBeVisible();

  await expectQueueEmpty(page);
  expect(posted).toHaveLength(2);
  expect(posted[0]).toMatchObject({ score: 1, lang: "en", reasons: ["waiting"] });
  expect(posted[0]).not.toHaveProperty("optIn");
  expect(posted[0]).not.toHaveProperty("comment");
  expect(posted[1]).toMatchObject({
    score: 4,
    lang: "en",
    optIn: { phone: "+34600123456", consent: { granted: true } },
  });
  console.expectNone();
});

test("every step times out back to the attract screen and what was given is still sent", async ({ page }) => {
  const posted = postedAnswers(page);
  await overrideConfig(page, { idleTimeoutSec: 2 });
  await pairKiosk(page);
  const before = await storeTotal(page.request);

  await tapFace(page, 2);
  await page.getByRole("button", { name: "Esperé mucho" }).click();
  await expect(faces(page)).toHaveCount(5, { timeout: 5_000 });

  await tapFace(page, 4);
  await page.getByRole("button", { name: "Omitir" }).click();
  await page.getByRole("textbox", { name: "Tu comentario" }).fill("a medias");
  await expect(faces(page)).toHaveCount(5, { timeout: 5_000 });

  await tapFace(page, 5);
  await page.getByRole("button", { name: "Omitir" }).click();
  await page.getByRole("button", { name: "Omitir" }).click();
  await notMember(page);
  await expect(page.getByRole("checkbox", { name: "Acepto" })).toBeVisible();
  await expect(faces(page)).toHaveCount(5, { timeout: 5_000 });

  await tapFace(page, 3);
  await page.getByRole("button", { name: "Terminar" }).click();
  await expect(page.getByRole("heading", { name: "¡Gracias!" })).toBeVisible();
  await expect(faces(page)).toHaveCount(5, { timeout: 7_000 });

  await expectQueueEmpty(page);
  expect(await storeTotal(page.request)).toBe(before + 4);
  expect(posted.map((a) => a.score)).toEqual([2, 4, 5, 3]);
  expect(posted[0]).toMatchObject({ reasons: ["waiting"] });
  expect(posted[1]).toMatchObject({ comment: "a medias" });
});

test("presses right after a completed answer are recorded but flagged as misuse", async ({ page }) => {
  const posted = postedAnswers(page);
  await overrideConfig(page, { misuseIntervalSec: 30 });
  await pairKiosk(page);
  const before = await storeTotal(page.request);

  await quickAnswer(page, 5);
  await quickAnswer(page, 5);
  await quickAnswer(page, 1);

  await expectQueueEmpty(page);
  expect(posted.map((a) => a.misuse ?? false)).toEqual([false, true, true]);
  expect(await storeTotal(page.request)).toBe(before + 3);
});

test("a queue of customers, each tapping as the previous one leaves, is never misuse", async ({ page }) => {
  const posted = postedAnswers(page);
  await overrideConfig(page, { misuseIntervalSec: 3 });
  await pairKiosk(page);

  // Each customer spends 4 s on the reasons, then the next one taps the moment the attract screen is back:
  // 4 s after the previous tap, more than the store's 3 s, however soon after the previous thank-you.
  for (const score of [5, 4, 2]) {
    await tapFace(page, score);
    await expect(page.getByRole("button", { name: "Terminar" })).toBeVisible();
    await page.waitForTimeout(4_000);
    await page.getByRole("button", { name: "Terminar" }).click();
    await page.getByRole("button", { name: /^(Volver al inicio|Back to start)$/ }).click();
    await expect(faces(page).first()).toBeVisible();
  }

  await expectQueueEmpty(page);
  expect(posted.map((a) => a.score)).toEqual([5, 4, 2]);
  expect(posted.map((a) => a.misuse ?? false)).toEqual([false, false, false]);
});

test("only a shopper at the thank-you can win: not one who walked away, nor answers synced later", async ({
  page,
  context,
}) => {
  const token = await adminToken(page.request);
  const headers = { authorization: `Bearer ${token}` };
  const always = {
    id: "always",
    name: "Always",
    enabled: true,
    stores: "all",
    minScore: 1,
    maxScore: 5,
    requireOptIn: false,
    requireMember: false,
    probability: 1,
    dailyBudget: 1000,
    holdoutPercent: 0,
    gift: { name: { es: "Café gratis", en: "Free coffee" } },
  };
  expect((await page.request.put("/v1/surprise-rules", { headers, data: { rules: [always] } })).status()).toBe(200);
  // What the server answered, with what the kiosk sent (the offline attempt never reached it).
  const bodies: Array<{ responses: Array<{ id: string }>; present?: string }> = [];
  const won: string[] = [];
  page.on("response", async (res) => {
    if (res.request().method() !== "POST" || !res.url().endsWith("/v1/responses") || !res.ok()) return;
    bodies.push(res.request().postDataJSON());
    const { results } = (await res.json()) as { results: Array<{ id: string; surprise?: unknown }> };
    won.push(...results.filter((r) => r.surprise).map((r) => r.id));
  });
  try {
    await overrideConfig(page, { idleTimeoutSec: 2, misuseIntervalSec: 0 });
    await pairKiosk(page);

    await tapFace(page, 5); // walks away: the flow times out back to the attract screen
    await expect(faces(page)).toHaveCount(5, { timeout: 5_000 });
    await expectQueueEmpty(page); // sent online, at once, as any finished flow's answer
    await page.waitForTimeout(5_500); // the server's own burst check: taps at least 5 s apart
    await context.setOffline(true);
    await tapFace(page, 5); // finishes, but the kiosk is offline: the answer waits in the queue
    await page.getByRole("button", { name: "Terminar" }).click();
    await page.getByRole("button", { name: /^(Volver al inicio|Back to start)$/ }).click();
    await context.setOffline(false);
    await expectQueueEmpty(page);
    await page.waitForTimeout(5_500); // the server's own burst check: taps at least 5 s apart
    await tapFace(page, 5); // at the screen, online
    await page.getByRole("button", { name: "Terminar" }).click();
    await expect(page.getByTestId("surprise-code")).toHaveText(/^[A-HJKMNP-Z2-9]{6}$/);
    await expectQueueEmpty(page);

    const sent = bodies.flatMap((b) => b.responses.map((r) => ({ id: r.id, present: b.present === r.id })));
    expect(sent.map((a) => a.present)).toEqual([false, false, true]);
    expect(won).toEqual([sent[2]!.id]);
  } finally {
    await page.request.put("/v1/surprise-rules", { headers, data: { rules: [] } });
  }
});

test("a surprise won at the counter is revealed on the thank-you screen", async ({ page }) => {
  const token = await adminToken(page.request);
  const rules = (body: unknown) =>
    page.request.put("/v1/surprise-rules", { headers: { authorization: `Bearer ${token}` }, data: body });
  const put = await rules({
    rules: [
      {
        id: "demo",
        name: "Demo",
        enabled: true,
        stores: "all",
        minScore: 4,
        maxScore: 5,
        requireOptIn: false,
        requireMember: false,
        probability: 1,
        dailyBudget: 100,
        holdoutPercent: 0,
        gift: { name: { es: "Café gratis", en: "Free coffee" } },
      },
    ],
  });
  expect(put.status(), await put.text()).toBe(200);
  try {
    await pairKiosk(page);
    await page.getByRole("button", { name: "English" }).click();
    await tapFace(page, 5);
    await page.getByRole("button", { name: "Finish" }).click();
    await expect(page.getByRole("heading", { name: /Surprise/ })).toBeVisible({ timeout: 3_000 });
    await expect(page.getByText("Free coffee")).toBeVisible();
    await expect(page.getByTestId("surprise-code")).toHaveText(/^[A-HJKMNP-Z2-9]{6}$/);
    await page.waitForTimeout(600); // let the card finish popping in
    await page.screenshot({ path: "test-results/screens/thanks-surprise-en-1024x768.png" });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  } finally {
    await rules({ rules: [] });
  }
});
