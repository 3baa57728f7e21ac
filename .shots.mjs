import { chromium } from "@playwright/test";

const B = "http://127.0.0.1:8662";
const card = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
});
async function shot(url, size, name, prep) {
  const ctx = await browser.newContext({
    viewport: size,
    deviceScaleFactor: 1,
    locale: "es-ES",
    permissions: ["camera"],
  });
  const page = await ctx.newPage();
  await page.goto(B + url);
  if (prep) await prep(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/loyal-shots/${name}.png`, fullPage: false });
  await ctx.close();
}
const phone = { width: 390, height: 844 };
const tablet = { width: 1024, height: 768 };
for (const lang of ["es", "en"]) {
  await shot(card, phone, `card-phone-${lang}`, async (p) => {
    await p.getByTestId("card-otp").waitFor();
    if (lang === "en") await p.getByRole("button", { name: "English" }).click();
  });
}
await browser.close();
