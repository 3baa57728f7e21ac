/**
 * The dashboard's grouped navigation (issue 15): every section in sight and unclipped at 1366×768, the current
 * page marked, groups named; on a phone a menu button opens and closes the groups by keyboard too. Both
 * languages; screenshots nav-*.png.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { ADMIN, expectNoSeriousViolations, SHOTS, signIn, useLang } from "./support/dashboard.ts";

const GROUPS = {
  es: { Resultados: ["Resumen", "Por tienda", "Alertas"], Campañas: ["Regalos", "Seguimientos", "Contactos"] },
  en: { Results: ["Overview", "By store", "Alerts"], Settings: ["Stores", "Kiosks", "Staff & PINs", "People"] },
} as const;

/** Whether the element is wholly inside the viewport and not cut by its nav. */
async function expectUnclipped(page: Page, link: Locator) {
  const box = (await link.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(await link.evaluate((a) => a.scrollWidth <= a.clientWidth)).toBe(true);
}

test("at 1366×768 every section shows in its group, unclipped, with the current one marked", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, ADMIN);
  const nav = page.getByRole("navigation", { name: /^(Secciones|Sections)$/ });
  await expect(nav.getByRole("button", { name: "Menú" })).toBeHidden();
  for (const lang of ["es", "en"] as const) {
    await useLang(page, lang);
    for (const [group, links] of Object.entries(GROUPS[lang])) {
      const list = nav.getByRole("list", { name: group });
      for (const name of links) await expectUnclipped(page, list.getByRole("link", { name, exact: true }));
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  }
  await useLang(page, "es");
  const alerts = nav.getByRole("link", { name: "Alertas" });
  await expectUnclipped(page, alerts);
  await alerts.click();
  await expect(alerts).toHaveAttribute("aria-current", "page");
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  await expectNoSeriousViolations(page, "navigation");
  await page.screenshot({ path: `${SHOTS}/nav-es-1366x768.png` });
});

test("on a phone the sections sit behind a menu button that the keyboard opens and Escape closes", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, ADMIN);
  const nav = page.getByRole("navigation", { name: "Secciones" });
  const menu = nav.getByRole("button", { name: "Menú" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Quioscos" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Quioscos" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Resumen" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  await menu.click();
  await useLang(page, "en");
  await page.screenshot({ path: `${SHOTS}/nav-menu-en-390x844.png`, fullPage: true });
  await useLang(page, "es");
  await page.screenshot({ path: `${SHOTS}/nav-menu-es-390x844.png`, fullPage: true });
  await expectNoSeriousViolations(page, "navigation menu");
  await nav.getByRole("link", { name: "Quioscos" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quioscos" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await page.screenshot({ path: `${SHOTS}/nav-closed-es-390x844.png` });
});
