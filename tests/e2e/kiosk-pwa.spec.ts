/** The kiosk installs as a PWA: manifest, real icons, and a service worker that controls /kiosk. */
import { expect, test } from "@playwright/test";
import { faces } from "./support/kiosk.ts";

test("the manifest starts /kiosk full screen with 192 and 512 px icons, maskable included", async ({
  page,
  request,
}) => {
  await page.goto("/kiosk");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: Array<{ src: string; sizes: string; purpose?: string }>;
  };
  expect(manifest).toMatchObject({ start_url: "/kiosk", display: "fullscreen" });
  expect(manifest.name).toMatch(/Sonrisa/);
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
  }
});

test("the service worker takes control and serves /kiosk with no network", async ({ page, context }) => {
  await page.goto("/kiosk");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.goto("/kiosk?from=offline");
  await expect(page.getByRole("heading", { name: /Vincular este quiosco|Pair this kiosk/ })).toBeVisible();
  await expect(faces(page)).toHaveCount(0);
});
