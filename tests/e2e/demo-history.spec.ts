/**
 * The demo with a past (issue 15, item 1): a stack of its own, in memory, started as `npm start` starts it
 * (the demo organisation with its 90 days of history loaded through ingestion in the background, the
 * dashboard saying how far it is meanwhile), then seen as a prospect sees it: the overview ranks three
 * stores with answers, a store page has its trend, heatmap and comments, the Kiosks page lists a store's demo
 * kiosks, and the staff console opens and finds a club member with stamps. Screenshots at 1366×768 and
 * 390×844 (test-results/screens/history-*.png). The shared e2e stack stays without history. That the past's
 * follow-ups are sent, not left to expire, is tests/api/demo-history.test.ts's (waiting for it here would
 * add half a minute to every run).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN, MARKETING, SHOTS, signIn } from "./support/dashboard.ts";
import { watchConsole } from "./support/kiosk.ts";

const SIZES = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;

let server: ChildProcess | undefined;
let url = "";

/** Starts serve.ts on a free port with the history and resolves with its address once it listens. */
function startHistoryStack(): Promise<string> {
  // Node itself with tsx's loader, not `npx tsx`: one process, so the SIGTERM of afterAll reaches the stack.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/e2e/support/serve.ts"], {
    env: { ...process.env, E2E_PORT: "0", E2E_HISTORY: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  server = child;
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /e2e stack on (http:\/\/\S+),/.exec(out);
      if (found) resolve(found[1] as string);
    });
    child.on("exit", (code) => reject(new Error(`the history stack exited (${code}) before listening`)));
  });
}

async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SHOTS}/history-${name}-${size.width}x${size.height}.png`, fullPage: true });
  }
  await page.setViewportSize(SIZES[0]);
}

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  url = await startHistoryStack(); // listening comes before the history: see the first test
});

test.afterAll(async () => {
  if (server?.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
});

test("marketing's first sight of the demo: three ranked stores, a store's trend, heatmap and comments", async ({
  page,
}) => {
  test.setTimeout(300_000); // the past loads in the background: under half a minute on a loaded 2-core machine
  const console = watchConsole(page);
  await page.setViewportSize(SIZES[0]);
  await signIn(page, MARKETING, `${url}/dashboard`);

  // The stack answers before its past is in (it takes DynamoDB Local 15–30 s): a note says how far it is, and
  // the page fills in by itself once it is done, without a reload.
  const note = page.getByTestId("demo-history-loading");
  await expect(note).toHaveText(/^Cargando los últimos 90 días de la demo: \d{1,2} %/);
  await shoot(page, "loading");
  // Once the answers are in the page draws itself again (the past's follow-ups are still being sent).
  await expect(page.locator("[data-testid='demo-history-loading'][data-stage='answers']")).toHaveCount(0, {
    timeout: 240_000,
  });
  const table = page.getByRole("table", { name: "Clasificación de tiendas" });
  for (const store of ["madrid-centro", "barcelona-gracia", "mexico-roma"]) {
    // The default range (the last 30 days) holds hundreds of answers of every store.
    await expect(table.locator(`tr[data-store="${store}"] [data-col="total"]`)).toHaveText(
      /^\d{1,2}\.?\d{3}$|^[1-9]\d{2}$/,
    );
  }
  await shoot(page, "overview");

  await table.getByRole("link", { name: /Madrid Centro/ }).click();
  await expect(page).toHaveURL(/\/dashboard\/stores\/madrid-centro/);
  await expect(page.getByTestId("series-chart").locator("canvas").first()).toBeVisible();
  const heatmap = page.getByRole("table", { name: "Respuestas por día de la semana y hora local" });
  // Open every day from 10:00 to 21:00: most of the week's opening hours have answers.
  expect(await heatmap.locator("td[data-total]:not([data-total='0'])").count()).toBeGreaterThan(50);
  await expect(page.getByTestId("comment").first()).toBeVisible();
  await shoot(page, "store");
  console.expectNone();
});

test("the admin sees a store's two demo kiosks, last seen at the history's end, and staff open their console", async ({
  page,
}) => {
  const console = watchConsole(page);
  await page.setViewportSize(SIZES[0]);
  await signIn(page, ADMIN, `${url}/dashboard/kiosks`);
  await page.getByLabel("Tienda").selectOption("madrid-centro");
  const kiosks = page.locator("li[data-device]");
  await expect(kiosks).toHaveCount(2);
  expect((await kiosks.locator("h3").allInnerTexts()).sort()).toEqual(["Cajas", "Entrada"]);
  await shoot(page, "kiosks");

  await page.goto(`${url}/staff`);
  await page.getByLabel(/^(Tienda|Store)$/).fill("madrid-centro");
  await page.getByLabel(/^PIN$/).fill("2468");
  await page.getByRole("button", { name: /^(Entrar|Sign in)$/ }).click();
  await expect(page.locator("#today dd").first()).toHaveText(/\d/);
  await shoot(page, "staff");

  // A club member of the history, who joined at a kiosk and came back identified: stamps on the card.
  await page.getByLabel(/^(Móvil o nº de socio|Mobile or member no\.)$/).fill("+34600100202");
  await page.getByRole("button", { name: /^(Buscar|Find)$/ }).click();
  await expect(page.getByTestId("staff-member")).toBeVisible();
  await expect(page.getByTestId("staff-member-stamps")).toHaveText(/^[1-9]\d* (de|of) 5 (sellos|stamps)$/);
  await shoot(page, "staff-member");
  console.expectNone();
});
