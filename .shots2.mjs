import { chromium } from "@playwright/test";

const B = "http://127.0.0.1:8662";
const code = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
});
async function adminToken(request) {
  const r = await request.post(B + "/v1/auth/login", {
    data: { email: "admin@sonrisa.local", password: "sonrisa-admin" },
  });
  return (await r.json()).token;
}
const sizes = {
  tablet: { width: 1024, height: 768 },
  portrait: { width: 768, height: 1024 },
  phone: { width: 390, height: 844 },
};
for (const [sizeName, size] of Object.entries(sizes)) {
  for (const lang of ["es", "en"]) {
    const ctx = await browser.newContext({
      viewport: size,
      locale: lang === "es" ? "es-ES" : "en-GB",
      permissions: ["camera"],
      hasTouch: true,
    });
    const page = await ctx.newPage();
    const token = await adminToken(page.request);
    const pc = await (
      await page.request.post(B + "/v1/stores/madrid-centro/pairing-codes", {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    await page.goto(B + "/kiosk");
    await page.getByRole("textbox").fill(pc.code);
    await page.getByRole("button", { name: /^(Vincular|Pair)$/ }).click();
    await page.locator("button[data-score]").first().waitFor();
    if (lang === "en") await page.getByRole("button", { name: "English" }).click();
    await page.waitForTimeout(5500);
    await page.locator('button[data-score="5"]').click();
    for (let i = 0; i < 2; i++) {
      await page.waitForTimeout(600);
      await page.getByRole("button", { name: /^(Continuar|Continue|Omitir|Skip)$/ }).click();
    }
    await page.waitForTimeout(800);
    for (const d of "611222333") await page.getByRole("button", { name: d, exact: true }).click();
    await page.screenshot({ path: `/tmp/loyal-shots/kiosk-member-${sizeName}-${lang}.png` });
    await page.getByRole("button", { name: /Escanear mi tarjeta|Scan my card/ }).click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/loyal-shots/kiosk-scan-${sizeName}-${lang}.png` });
    await ctx.close();
  }
}
for (const [sizeName, size] of Object.entries({ tablet: sizes.tablet, phone: sizes.phone })) {
  for (const lang of ["es", "en"]) {
    const ctx = await browser.newContext({ viewport: size, locale: lang === "es" ? "es-ES" : "en-GB" });
    const page = await ctx.newPage();
    await page.goto(B + "/staff");
    await page.getByLabel(/^(Tienda|Store)$/).fill("madrid-centro");
    await page.getByLabel(/^PIN$/).fill("2468");
    await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
    await page.getByLabel(/Móvil o nº de socio|Mobile or member no\./).fill(code);
    await page.getByRole("button", { name: /^(Buscar|Find)$/ }).click();
    await page.getByTestId("staff-member").waitFor();
    await page.locator("#members").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/loyal-shots/staff-member-${sizeName}-${lang}.png` });
    await ctx.close();
  }
}
await browser.close();
