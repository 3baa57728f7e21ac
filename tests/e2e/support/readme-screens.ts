/**
 * After the browser tests: the README's screenshots are copied from what this run shot (test-results/screens)
 * into docs/screenshots, so the README shows the product as the tests just saw it and never goes stale. A
 * shot this run did not take (a spec filtered out, or failed) leaves the committed file as it was.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCREENS = fileURLToPath(new URL("../../../test-results/screens/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));

/** README name ← the spec's shot. */
export const README_SHOTS: Record<string, string> = {
  "kiosk-landscape-es.png": "attract-es-1280x800.png",
  "kiosk-portrait-en.png": "reasons-en-768x1024.png",
  "kiosk-thanks-surprise-en.png": "thanks-surprise-en-1024x768.png",
  "dashboard-overview-es.png": "history-overview-1366x768.png",
  "dashboard-store-es.png": "history-store-1366x768.png",
  "dashboard-overview-phone-es.png": "history-overview-390x844.png",
  "staff-console-es.png": "history-staff-390x844.png",
  "contacts-es.png": "contacts-es-1366.png",
  "follow-up-rule-en.png": "follow-ups-rule-en-1366.png",
  "alerts-phone-es.png": "alerts-es-390.png",
  "loyalty-kiosk-member-tablet-es.png": "loyalty-kiosk-member-tablet-es.png",
  "loyalty-kiosk-stamped-tablet-es.png": "loyalty-kiosk-stamped-tablet-es.png",
  "loyalty-card-phone-es.png": "loyalty-card-phone-es.png",
  "loyalty-staff-lookup-phone-es.png": "loyalty-staff-lookup-phone-es.png",
  "effect-es.png": "effect-es-1366x900.png",
  "effect-phone-en.png": "effect-en-390x844.png",
  "integrations-en.png": "dashboard-integrations-en-1366x900.png",
  "setup-store-validation.png": "setup-02-store-validation.png",
  "setup-kiosk-online.png": "setup-10-kiosk-online.png",
  "stores-es.png": "dashboard-stores-es-1366x900.png",
  "rules-es.png": "dashboard-rules-es-1366x900.png",
  "kiosks-phone-es.png": "dashboard-kiosks-es-390x844.png",
};

export default function copyReadmeShots(): void {
  const startedAt = Number(process.env.E2E_STARTED_AT ?? 0);
  mkdirSync(DOCS, { recursive: true });
  let copied = 0;
  for (const [target, source] of Object.entries(README_SHOTS)) {
    const from = `${SCREENS}${source}`;
    if (!existsSync(from) || statSync(from).mtimeMs < startedAt) continue;
    copyFileSync(from, `${DOCS}${target}`);
    copied += 1;
  }
  console.log(`README screenshots: ${copied} of ${Object.keys(README_SHOTS).length} refreshed in docs/screenshots`);
}
