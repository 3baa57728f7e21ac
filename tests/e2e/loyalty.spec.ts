/**
 * The loyalty loop in Chromium against the real local stack: a shopper joins the club at the kiosk, opens their
 * card from the caught mail, comes back the next day (the server's clock and the browser's moved a day) and shows
 * the card's QR code to the kiosk's camera (Chromium's fake camera, fed a video of that very QR code), then staff
 * add stamps for purchases on /staff until the reward is ready and redeem it with the card's rotating code.
 * Screenshots of the member step, the card and the staff lookup at tablet and phone sizes, in both languages.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, expect, type Page, test } from "@playwright/test";
import { CHROMIUM, E2E_URL } from "./support/env.ts";
import { faces, pairKiosk, STORE } from "./support/kiosk.ts";
import { writeQrVideo } from "./support/qr-video.ts";

const SHOTS = "test-results/screens";
const DAY_MS = 86_400_000;
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

interface CaughtMail {
  to: string[];
  subject: string;
  text?: string;
}

test.describe.configure({ mode: "serial" });

let cameraBrowser: Browser | undefined;
/** The member of the first test, looked up again for the screenshots. */
let memberCode = "";

test.afterAll(async ({ request }) => {
  await request.post("/__test/clock", { data: { offsetMs: 0 } });
  await cameraBrowser?.close();
});

/** The card link of the mail sent to `email`, once the dispatcher has sent it. */
async function cardLink(page: Page, email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await page.request.get("/mail/messages.json");
        const { messages } = (await res.json()) as { messages: CaughtMail[] };
        const mail = messages.find((m) => m.to.includes(email) && /\/card\//.test(m.text ?? ""));
        link = mail ? /https?:\/\/[^\s]+\/card\/[A-Za-z0-9_~-]+/.exec(mail.text ?? "")?.[0] : undefined;
        return Boolean(link);
      },
      { timeout: 30_000, intervals: [500, 1_000, 2_000] },
    )
    .toBe(true);
  return new URL(link!).pathname;
}

/** From the face to the member step: a happy face, then past reasons and comment. */
async function toMemberStep(page: Page): Promise<void> {
  await faces(page).first().waitFor();
  await page.locator('button[data-score="5"]').click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole("button", { name: /^(Continuar|Continue|Omitir|Skip)$/ }).click();
  }
  await expect(page.getByRole("heading", { name: /¿Eres socio del club\?|Are you a club member\?/ })).toBeVisible();
}

async function staffSignIn(page: Page): Promise<void> {
  await page.goto("/staff");
  await page.getByLabel(/^(Tienda|Store)$/).fill(STORE);
  await page.getByLabel(/^PIN$/).fill("2468");
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await expect(page.getByRole("heading", { name: /Socios del club|Club members/ })).toBeVisible();
}

async function findMember(page: Page, code: string): Promise<void> {
  await page.getByLabel(/^(Móvil o nº de socio|Mobile or member no\.)$/).fill(code);
  await page.getByRole("button", { name: /^(Buscar|Find)$/ }).click();
  await expect(page.getByTestId("staff-member")).toBeVisible();
}

test("a shopper joins, comes back the next day with the card's QR code, and staff redeem the reward", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const email = `club.${randomUUID().slice(0, 8)}@example.com`;

  // Day 1: the shopper joins the club at the kiosk's opt-in step ("not a member" → join).
  await pairKiosk(page);
  await toMemberStep(page);
  await page.getByRole("button", { name: "No soy socio" }).click();
  await page.getByRole("radio", { name: "Correo" }).check();
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByRole("checkbox", { name: "Me uno al club" }).check();
  await page.getByRole("button", { name: "Unirme" }).click();
  await expect(page.getByRole("heading", { name: "¡Gracias!" })).toBeVisible();

  // The card, from the caught mail, on a phone.
  const path = await cardLink(page, email);
  const phone = await browser.newContext({ viewport: PHONE, locale: "es-ES", hasTouch: true });
  const card = await phone.newPage();
  await card.goto(path);
  await expect(card.getByTestId("card-stamps")).toHaveText("1 de 5");
  memberCode = (await card.getByTestId("card-member-code").textContent())!.trim();
  await expect(card.getByTestId("card-otp")).toHaveText(/^\d{3} \d{3}$/);
  await card.screenshot({ path: `${SHOTS}/loyalty-card-phone-es.png` });
  await card.getByRole("button", { name: "English" }).click();
  await expect(card.getByTestId("card-stamps")).toHaveText("1 of 5");
  await card.screenshot({ path: `${SHOTS}/loyalty-card-phone-en.png` });
  const qrText = `SONRISA-${memberCode}-${(await card.getByTestId("card-otp").textContent())!.replace(" ", "")}`;

  // Day 2: the server and the kiosk's browser a day later.
  const moved = await page.request.post("/__test/clock", { data: { offsetMs: DAY_MS } });
  expect(moved.status(), await moved.text()).toBe(200);
  const video = writeQrVideo(join(test.info().outputDir, "card-qr.y4m"), qrText);
  cameraBrowser = await chromium.launch({
    ...CHROMIUM,
    args: [
      ...CHROMIUM.args,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  const tablet = await cameraBrowser.newContext({
    baseURL: E2E_URL,
    viewport: TABLET,
    locale: "es-ES",
    hasTouch: true,
    permissions: ["camera"],
  });
  await tablet.clock.install({ time: new Date(Date.now() + DAY_MS) });
  const kiosk = await tablet.newPage();
  await pairKiosk(kiosk);
  await toMemberStep(kiosk);
  await kiosk.screenshot({ path: `${SHOTS}/loyalty-kiosk-member-tablet-es.png` });
  await kiosk.getByRole("button", { name: "Escanear mi tarjeta" }).click();
  // The camera reads the card's QR code, and the answer goes with the member: the stamp of the new day.
  await expect(kiosk.getByTestId("member-stamps")).toHaveText("2 de 5 sellos", { timeout: 20_000 });
  await expect(kiosk.getByText("¡Sello sumado!")).toBeVisible();
  await expect(kiosk.getByTestId("member-camera")).toHaveCount(0);
  await kiosk.screenshot({ path: `${SHOTS}/loyalty-kiosk-stamped-tablet-es.png` });

  // Staff add three stamps for purchases, then redeem the coffee with the card's code of this minute.
  const counter = await browser.newContext({ viewport: TABLET, locale: "es-ES", hasTouch: true });
  await counter.clock.install({ time: new Date(Date.now() + DAY_MS) });
  const staff = await counter.newPage();
  await staffSignIn(staff);
  await findMember(staff, memberCode);
  await expect(staff.getByTestId("staff-member-stamps")).toHaveText("2 de 5 sellos");
  await staff.locator("#members").screenshot({ path: `${SHOTS}/loyalty-staff-lookup-tablet-es.png` });
  for (let i = 0; i < 3; i++) {
    await staff.getByLabel("Añadir un sello por una compra").fill(`Compra ${i + 1}`);
    await staff.getByRole("button", { name: "Añadir sello" }).click();
    await expect(staff.getByTestId("staff-member-stamps")).toHaveText(`${3 + i} de 5 sellos`);
  }
  await staff.getByRole("button", { name: "Canjear" }).click();
  // The card read again after the move: its code follows the server's clock.
  await card.reload();
  await expect(card.getByTestId("card-stamps")).toHaveText("5 of 5");
  await expect(card.getByTestId("card-otp")).toHaveText(/^\d{3} \d{3}$/);
  const otp = (await card.getByTestId("card-otp").textContent())!.replace(" ", "");
  await staff.getByLabel("Código de su tarjeta").fill(otp);
  await staff.getByRole("button", { name: "Canjear ahora" }).click();
  await expect(staff.getByText("Canjeado: Un café gratis.")).toBeVisible();
  await expect(staff.getByTestId("staff-member-stamps")).toHaveText("0 de 5 sellos");
  await card.reload();
  await expect(card.getByTestId("card-stamps")).toHaveText("0 of 5");
  await expect(card.getByText(/Reward redeemed · A free coffee/)).toBeVisible();
  await Promise.all([phone.close(), tablet.close(), counter.close()]);
});

test("screenshots of the member step and the staff lookup at tablet and phone sizes, in Spanish and English", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  for (const [size, viewport] of Object.entries({ tablet: TABLET, phone: PHONE })) {
    for (const lang of ["es", "en"] as const) {
      const context: BrowserContext = await browser.newContext({ viewport, locale: "es-ES", hasTouch: true });
      const kiosk = await context.newPage();
      await pairKiosk(kiosk);
      if (lang === "en") await kiosk.getByRole("button", { name: "English" }).click();
      await toMemberStep(kiosk);
      for (const digit of "611222333") await kiosk.getByRole("button", { name: digit, exact: true }).click();
      await kiosk.screenshot({ path: `${SHOTS}/loyalty-kiosk-member-${size}-${lang}.png` });
      const staff = await context.newPage();
      await staffSignIn(staff);
      if (lang === "en") await staff.getByRole("button", { name: "English" }).click();
      await findMember(staff, memberCode);
      await staff.locator("#members").scrollIntoViewIfNeeded();
      await staff.screenshot({ path: `${SHOTS}/loyalty-staff-lookup-${size}-${lang}.png` });
      await context.close();
    }
  }
});
