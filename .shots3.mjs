import { chromium } from "@playwright/test";

const B = "http://127.0.0.1:8662";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [name, size] of Object.entries({ desk: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } })) {
  for (const lang of ["es", "en"]) {
    const ctx = await browser.newContext({ viewport: size, locale: lang === "es" ? "es-ES" : "en-GB" });
    const page = await ctx.newPage();
    await page.goto(B + "/dashboard");
    await page.getByLabel(/correo|e-mail/i).fill("marketing@sonrisa.local");
    await page.getByLabel(/contraseña|password/i).fill("sonrisa-marketing");
    await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
    await page.waitForTimeout(1500);
    await page.goto(B + "/dashboard/loyalty");
    await page.waitForTimeout(1500);
    await page.screenshot({
      path: `/tmp/loyal-shots/dashboard-loyalty-${name}-${lang}.png`,
      fullPage: name === "desk",
    });
    await ctx.close();
  }
}
await browser.close();
