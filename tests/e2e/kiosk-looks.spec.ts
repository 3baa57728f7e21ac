/**
 * How the kiosk looks and how accessible it is: the attract screen fits tablets and a phone in both
 * orientations without scrolling, targets are at least 64 px, and axe finds nothing serious or critical on
 * any screen. Screenshots land in test-results/screens for a person to look at.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { faces, notMember, pairKiosk, tapFace, watchConsole } from "./support/kiosk.ts";

const SHOTS = "test-results/screens";
const VIEWPORTS = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

/** Every visible button and tappable label on screen is at least 64 × 64 px. */
async function expectTouchTargets(page: Page, screen: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("button, label:has(input[type=radio]), label:has(input[type=checkbox])")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 64 || r.height < 64))
      .map(({ el, r }) => `${el.textContent?.trim()} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
  expect(small, screen).toEqual([]);
}

async function switchTo(page: Page, lang: "es" | "en"): Promise<void> {
  await page.getByRole("button", { name: lang === "es" ? "Español" : "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: `${SHOTS}/${name}-${width}x${height}.png` });
}

test("the pairing screen is accessible and explains a malformed code", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/kiosk");
  await page.getByRole("textbox", { name: /código|code/i }).fill("nope");
  await page.getByRole("button", { name: /^(Vincular|Pair)$/ }).click();
  await expect(page.getByRole("alert")).toContainText(/8/);
  await shot(page, "pairing-error");
  await expectNoSeriousViolations(page, "pairing");
  console.expectNone();
});

test("the attract screen fits without scrolling, with 64 px faces, on tablets and a phone in both languages", async ({
  page,
}) => {
  const console = watchConsole(page);
  await pairKiosk(page);
  for (const lang of ["es", "en"] as const) {
    await switchTo(page, lang);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      const overflow = await page.evaluate(() => {
        const el = document.scrollingElement!;
        return { x: el.scrollWidth - innerWidth, y: el.scrollHeight - innerHeight };
      });
      expect(overflow, `${lang} ${viewport.width}x${viewport.height}`).toEqual({ x: 0, y: 0 });
      for (const face of await faces(page).all()) {
        const box = (await face.boundingBox())!;
        expect(box.width).toBeGreaterThanOrEqual(64);
        expect(box.height).toBeGreaterThanOrEqual(64);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      }
      await shot(page, `attract-${lang}`);
      await expectTouchTargets(page, `attract ${lang} ${viewport.width}x${viewport.height}`);
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await expectNoSeriousViolations(page, `attract ${lang}`);
  }
  console.expectNone();
});

for (const lang of ["es", "en"] as const) {
  test(`every step of the flow is accessible in ${lang === "es" ? "Spanish" : "English"}`, async ({ page }) => {
    const console = watchConsole(page);
    await pairKiosk(page);
    await switchTo(page, lang);
    for (const [i, viewport] of [VIEWPORTS[0]!, VIEWPORTS[2]!].entries()) {
      await page.setViewportSize(viewport);
      // axe is slow; the structure is the same at every size, so it runs at the first one.
      const axe = (screen: string) => (i === 0 ? expectNoSeriousViolations(page, screen) : undefined);
      await tapFace(page, 2);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        lang === "es" ? "¿Qué podemos mejorar?" : "What could we do better?",
      );
      await page.getByRole("button", { name: lang === "es" ? "Esperé mucho" : "Long wait" }).click();
      await shot(page, `reasons-${lang}`);
      await axe(`reasons ${lang}`);
      await expectTouchTargets(page, `reasons ${lang}`);
      await page.getByRole("button", { name: lang === "es" ? "Continuar" : "Continue" }).click();
      await page.getByRole("textbox").fill(lang === "es" ? "La cola era muy larga." : "The queue was very long.");
      await shot(page, `comment-${lang}`);
      await axe(`comment ${lang}`);
      await expectTouchTargets(page, `comment ${lang}`);
      await page.getByRole("button", { name: lang === "es" ? "Continuar" : "Continue" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        lang === "es" ? "¿Eres socio del club?" : "Are you a club member?",
      );
      await shot(page, `member-${lang}`);
      await axe(`member ${lang}`);
      await expectTouchTargets(page, `member ${lang}`);
      await notMember(page);
      await page.getByRole("button", { name: lang === "es" ? "Unirme" : "Join" }).click();
      await expect(page.getByRole("alert")).not.toBeEmpty();
      await shot(page, `optin-${lang}`);
      await axe(`opt-in ${lang}`);
      await expectTouchTargets(page, `opt-in ${lang}`);
      await page.getByRole("button", { name: lang === "es" ? "No, gracias" : "No, thanks" }).click();
      await expect(page.getByRole("heading", { name: lang === "es" ? "¡Gracias!" : "Thank you!" })).toBeVisible();
      await shot(page, `thanks-${lang}`);
      await axe(`thanks ${lang}`);
      await expectTouchTargets(page, `thanks ${lang}`);
      await page.getByRole("button", { name: lang === "es" ? "Volver al inicio" : "Back to start" }).click();
      await switchTo(page, lang);
    }
    await page.getByTestId("status-corner").click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await shot(page, `staff-pin-${lang}`);
    await expectNoSeriousViolations(page, `staff pin ${lang}`);
    await expectTouchTargets(page, `staff pin ${lang}`);
    await page.getByLabel(lang === "es" ? "PIN del personal" : "Staff PIN").fill("2468");
    await page.getByRole("button", { name: lang === "es" ? "Entrar" : "Enter" }).click();
    await expect(
      page.getByRole("heading", { name: lang === "es" ? "Ajustes del quiosco" : "Kiosk settings" }),
    ).toBeVisible();
    await shot(page, `staff-settings-${lang}`);
    await expectNoSeriousViolations(page, `staff settings ${lang}`);
    await expectTouchTargets(page, `staff settings ${lang}`);
    console.expectNone();
  });
}
