/**
 * The kiosk and the staff console on phones (360×640, 390×844) and, for comparison, a tablet (1024×768), in
 * both languages: on every screen no two controls overlap, none leaves the viewport sideways or is cut off,
 * each is at least 48 px, and the store name is shown whole. Screenshots land in test-results/phone-layout
 * for a person to look at.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectQueueEmpty, faces, pairKiosk, STORE, tapFace, watchConsole } from "./support/kiosk.ts";
import { expectTidyLayout } from "./support/layout.ts";

const SHOTS = "test-results/phone-layout";
const STORE_NAME = "Muebles Sonrisa · Madrid Centro";
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
];

const WORDS = {
  es: {
    lang: "Español",
    reason: "Esperé mucho",
    comment: "La cola era muy larga y nadie atendía la caja.",
    next: "Continuar",
    social: "Redes",
    join: "Unirme",
    notMember: "No soy socio",
    noThanks: "No, gracias",
    finish: "Terminar",
    back: "Volver al inicio",
    pin: "PIN del personal",
    enter: "Entrar",
    unpair: "Desvincular",
    cancel: "Cancelar",
    close: "Cerrar",
    editStock: /^Editar/,
  },
  en: {
    lang: "English",
    reason: "Long wait",
    comment: "The queue was very long and nobody was at the till.",
    next: "Continue",
    social: "Social",
    join: "Join",
    notMember: "I'm not a member",
    noThanks: "No, thanks",
    finish: "Finish",
    back: "Back to start",
    pin: "Staff PIN",
    enter: "Enter",
    unpair: "Unpair",
    cancel: "Cancel",
    close: "Close",
    editStock: /^Edit/,
  },
} as const;

type Lang = keyof typeof WORDS;

async function open(browser: Browser, lang: Lang, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: lang === "es" ? "es-ES" : "en-GB" });
  return { context, page: await context.newPage() };
}

/** A screenshot of the screen, and a second one scrolled to the end when part of it scrolls. */
async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png`, fullPage: true });
  const scrolled = await page.evaluate(() => {
    let any = false;
    for (const el of document.body.querySelectorAll("*")) {
      if (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY)) {
        el.scrollTop = el.scrollHeight;
        any = true;
      }
    }
    return any;
  });
  if (!scrolled) return;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}-end.png` });
  await page.evaluate(() => {
    for (const el of document.body.querySelectorAll("*")) el.scrollTop = 0;
  });
}

async function switchTo(page: Page, lang: Lang): Promise<void> {
  await page.getByRole("button", { name: WORDS[lang].lang }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

/** The kiosk's answer is stored as usual; the server's reply is replaced by one with a surprise. */
async function fakeSurprise(page: Page): Promise<void> {
  await page.route("**/v1/responses", async (route) => {
    const { responses } = route.request().postDataJSON() as { responses: { id: string }[] };
    const res = await route.fetch();
    expect(res.status()).toBe(200);
    const gift = { es: "Un café gratis", en: "A free coffee" };
    await route.fulfill({
      json: { results: responses.map((r) => ({ id: r.id, status: "stored", surprise: { code: "K7M2QX", gift } })) },
    });
  });
}

for (const lang of ["es", "en"] as const) {
  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;
    const w = WORDS[lang];

    test(`every kiosk screen fits ${size} in ${lang}: pairing, the steps, thanks and the staff panel`, async ({
      browser,
    }) => {
      const { context, page } = await open(browser, lang, viewport);
      const console = watchConsole(page);
      const storeName = page.locator("header").getByText(STORE_NAME, { exact: true });

      await page.goto("/kiosk");
      await page.getByRole("textbox").fill("nope");
      await page.getByRole("button", { name: /^(Vincular|Pair)$/ }).click();
      await expect(page.getByRole("alert")).not.toBeEmpty();
      await expectTidyLayout(page, `pairing ${lang} ${size}`);
      await shot(page, `pairing-${lang}`);

      await pairKiosk(page);
      await switchTo(page, lang);
      await expectTidyLayout(page, `attract ${lang} ${size}`, [storeName]);
      // The attract screen is the one a shopper sees first: all faces in view, without scrolling.
      for (const face of await faces(page).all()) {
        const box = (await face.boundingBox())!;
        expect(box.y + box.height, `attract ${lang} ${size}`).toBeLessThanOrEqual(viewport.height);
      }
      await shot(page, `attract-${lang}`);

      await tapFace(page, 2);
      await page.getByRole("button", { name: w.reason }).click();
      await expectTidyLayout(page, `reasons ${lang} ${size}`, [storeName]);
      await shot(page, `reasons-${lang}`);

      await page.getByRole("button", { name: w.next }).click();
      await page.getByRole("textbox").fill(w.comment);
      await expectTidyLayout(page, `comment ${lang} ${size}`, [storeName]);
      await shot(page, `comment-${lang}`);

      await page.getByRole("button", { name: w.next }).click();
      await expect(page.getByRole("button", { name: w.notMember })).toBeVisible();
      await expectTidyLayout(page, `member ${lang} ${size}`, [storeName]);
      await shot(page, `member-${lang}`);
      await page.getByRole("button", { name: w.notMember }).click();
      await page.getByText(w.social, { exact: true }).click();
      await page.getByRole("button", { name: w.join }).click();
      await expect(page.getByRole("alert")).not.toBeEmpty();
      await expectTidyLayout(page, `opt-in ${lang} ${size}`, [storeName]);
      await shot(page, `optin-${lang}`);

      await page.getByRole("button", { name: w.noThanks }).click();
      await expect(page.getByRole("button", { name: w.back })).toBeVisible();
      await expectTidyLayout(page, `thanks ${lang} ${size}`, [storeName]);
      await shot(page, `thanks-${lang}`);

      await page.getByRole("button", { name: w.back }).click();
      await expectQueueEmpty(page);
      await fakeSurprise(page);
      await switchTo(page, lang);
      await tapFace(page, 5);
      await page.getByRole("button", { name: w.finish }).click();
      await expect(page.getByTestId("surprise-code")).toBeVisible();
      await expectTidyLayout(page, `surprise ${lang} ${size}`, [storeName]);
      await shot(page, `surprise-${lang}`);
      await page.getByRole("button", { name: w.back }).click();
      await page.unrouteAll();

      await switchTo(page, lang);
      await page.getByTestId("status-corner").click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectTidyLayout(page, `staff PIN ${lang} ${size}`);
      await shot(page, `staff-pin-${lang}`);
      await page.getByLabel(w.pin).fill("2468");
      await page.getByRole("button", { name: w.enter }).click();
      await expect(page.getByTestId("settings-depth")).toBeVisible();
      await expectTidyLayout(page, `staff settings ${lang} ${size}`);
      await shot(page, `staff-settings-${lang}`);
      await page.getByRole("button", { name: w.unpair }).click();
      await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
      await expectTidyLayout(page, `staff unpair ${lang} ${size}`);
      await shot(page, `staff-unpair-${lang}`);
      await page.getByRole("dialog").getByRole("alert").getByRole("button", { name: w.cancel }).click();
      await page.getByRole("button", { name: w.close }).click();
      await expect(page.getByRole("dialog")).toBeHidden();
      console.expectNone();
      await context.close();
    });

    test(`the staff console fits ${size} in ${lang}: sign-in, the console and the stock editor`, async ({
      browser,
    }) => {
      const { context, page } = await open(browser, lang, viewport);
      const console = watchConsole(page);
      await page.goto("/staff");
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expectTidyLayout(page, `staff sign-in ${lang} ${size}`);
      await shot(page, `console-sign-in-${lang}`);

      await page.getByLabel(/^(Tienda|Store)$/).fill(STORE);
      await page.getByLabel(/^PIN$/).fill("2468");
      await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
      await expect(page.locator("#today dd").first()).toHaveText(/\d/);
      await expect(page.locator("#stock li").first()).toBeVisible();
      const storeName = page.locator("header").getByText(STORE_NAME, { exact: true });
      await expectTidyLayout(page, `console ${lang} ${size}`, [storeName]);
      await shot(page, `console-${lang}`);

      await page.locator("#stock").getByRole("button", { name: w.editStock }).click();
      await expectTidyLayout(page, `stock editor ${lang} ${size}`, [storeName]);
      await page.locator("#stock").screenshot({
        path: `${SHOTS}/console-stock-editor-${lang}-${viewport.width}x${viewport.height}.png`,
      });
      console.expectNone();
      await context.close();
    });
  }
}
