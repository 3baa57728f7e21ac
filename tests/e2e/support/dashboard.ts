/** Helpers for the dashboard's browser tests: sign-in, language, axe, and screenshots at the sizes. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const ADMIN = { email: "admin@sonrisa.local", password: "sonrisa-admin" };
export const MARKETING = { email: "marketing@sonrisa.local", password: "sonrisa-marketing" };
export const SHOTS = "test-results/screens";
export const SIZES = [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Opens `path` and signs in there (the dashboard keeps the path through the sign-in). */
export async function signIn(page: Page, user: { email: string; password: string }, path = "/dashboard") {
  await page.goto(path);
  await page.getByLabel(/^(Correo electrónico|Email)$/).fill(user.email);
  await page.getByLabel(/^(Contraseña|Password)$/).fill(user.password);
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await expect(page.getByRole("button", { name: /^(Salir|Sign out)$/ })).toBeVisible();
}

/** Switches the dashboard's language with its own switch (kept for later visits). */
export async function useLang(page: Page, lang: "es" | "en") {
  await page
    .getByRole("button", { name: lang === "es" ? "Español" : "English", exact: true })
    .first()
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad).toEqual([]);
}

/** Full-page screenshots of the page as it is, at 1366×900 and 390×844, in Spanish and English. */
export async function shootEverySize(page: Page, name: string, ready: () => Promise<void> = async () => undefined) {
  const original = page.viewportSize();
  for (const lang of ["es", "en"] as const) {
    await useLang(page, lang);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await ready();
      await page.screenshot({ path: `${SHOTS}/${name}-${lang}-${size.width}x${size.height}.png`, fullPage: true });
    }
  }
  await useLang(page, "es");
  if (original) await page.setViewportSize(original);
}
