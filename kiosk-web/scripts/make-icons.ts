/**
 * Rasterises the app icon (the Sonrisa smiley) to the PNGs the web manifest lists, with the Chromium
 * that the e2e tests use: `npx tsx kiosk-web/scripts/make-icons.ts`. The PNGs are committed.
 */
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const out = fileURLToPath(new URL("../public/icons/", import.meta.url));

/** `safe` shrinks the face into the central 80 % circle that maskable icons must keep. */
function iconSvg(size: number, maskable: boolean): string {
  const r = maskable ? 26 : 34;
  const k = r / 34;
  const y = (v: number) => 50 + (v - 50) * k;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="${maskable ? 0 : 22}" fill="#1f6f5c"/>
  <circle cx="50" cy="50" r="${r}" fill="#f7c843"/>
  <ellipse cx="${y(39)}" cy="${y(43)}" rx="${4.5 * k}" ry="${6 * k}" fill="#2a1f1a"/>
  <ellipse cx="${y(61)}" cy="${y(43)}" rx="${4.5 * k}" ry="${6 * k}" fill="#2a1f1a"/>
  <path d="M${y(34)} ${y(57)} Q50 ${y(75)} ${y(66)} ${y(57)}" fill="none" stroke="#2a1f1a" stroke-width="${6 * k}" stroke-linecap="round"/>
</svg>`;
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
const page = await browser.newPage();
for (const [name, size, maskable] of [
  ["icon-192.png", 192, false],
  ["icon-512.png", 512, false],
  ["icon-maskable-512.png", 512, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${iconSvg(size, maskable)}`);
  await page.locator("svg").screenshot({ path: `${out}${name}`, omitBackground: true });
}
await browser.close();
