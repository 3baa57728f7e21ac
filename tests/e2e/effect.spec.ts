/**
 * The Effect page (issue 14): the demo rule's report from three months of identified visits with a known
 * effect (seeded by tests/e2e/support/serve.ts through the same use case the stream consumer calls): the
 * sentence, the interval and the chart in Spanish and English, the window switch, and screenshots of both
 * languages at 1366×900 and 390×844.
 */
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, MARKETING, shootEverySize, signIn, useLang } from "./support/dashboard.ts";

test("the effect page says what the demo rule achieved, with its interval and chart, in both languages", async ({
  page,
}) => {
  await signIn(page, MARKETING, "/dashboard/effect/happy-coffee");
  await expect(page.getByRole("heading", { level: 1, name: "Efecto" })).toBeVisible();
  await expect(page.getByLabel("Regla", { exact: true })).toHaveValue("happy-coffee");

  const sentence = page.getByTestId("effect-sentence").first();
  await expect(sentence).toContainText(
    /^El grupo con regalo volvió [\d,]+ puntos más que el grupo de control en 30 días \(IC 95 %: [\d,]+–[\d,]+ puntos\)/,
  );
  await expect(page.getByTestId("effect-interval").first()).toHaveText(/^[\d,]+ \([\d,]+ – [\d,]+\)$/);
  await expect(page.getByTestId("effect-chart").first().locator("canvas")).toBeVisible();

  await page.getByRole("button", { name: "7 días" }).click();
  await expect(sentence).toContainText("en 7 días");

  await useLang(page, "en");
  await page.getByRole("button", { name: "30 days" }).click();
  await expect(sentence).toContainText(
    /^The gift group came back [\d.]+ points more often than the holdout within 30 days \(95 % CI [\d.]+–[\d.]+ points\)/,
  );
  await expect(page.getByText(/Only drawn groups are compared/)).toBeVisible();
  await expectNoSeriousViolations(page, "effect-en");
  await useLang(page, "es");
  await expectNoSeriousViolations(page, "effect-es");

  await shootEverySize(page, "effect", async () => {
    await expect(page.getByTestId("effect-chart").first().locator("canvas")).toBeVisible();
  });
});

test("the nav leads to the effect page and the rule picker switches rules", async ({ page }) => {
  await signIn(page, MARKETING);
  await page.getByRole("link", { name: "Efecto" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/effect$/);
  await page.getByLabel("Regla", { exact: true }).selectOption("happy-thanks");
  await expect(page).toHaveURL(/\/dashboard\/effect\/happy-thanks$/);
  // Other specs' opt-ins may have exposed people to the demo's follow-up by now: either state is right.
  await expect(
    page
      .getByText("Todavía no hay personas identificadas expuestas a esta regla en el último año.")
      .or(page.getByRole("region", { name: /^Versión de la regla/ }))
      .first(),
  ).toBeVisible();
});
