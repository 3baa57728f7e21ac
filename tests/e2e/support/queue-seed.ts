/**
 * Puts answers straight into a kiosk's IndexedDB queue, as ready-to-send items, for tests and benches that
 * need many answers (or a deliberately invalid one) without tapping through the flow. Uses the names the
 * kiosk itself uses (kiosk-web/src/kiosk/lib/db-schema.ts); the page must have opened the kiosk once.
 */
import type { Page } from "@playwright/test";
import { DB_NAME, QUEUE, type QueuedAnswer } from "../../../kiosk-web/src/kiosk/lib/db-schema.ts";

export type SeedItem = Record<string, unknown> & { id: string; score: number };

/** Answers with fresh ids, one second apart in `at`, ending now. */
export function makeAnswers(count: number, score = 4): SeedItem[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    at: new Date(now - (count - i) * 1000).toISOString(),
    score,
    lang: "es",
  }));
}

export async function seedQueue(page: Page, storeId: string, items: SeedItem[]): Promise<void> {
  const entries = items.map(
    (item, i): QueuedAnswer => ({
      id: item.id,
      storeId,
      state: "ready",
      touchedAt: Date.now(),
      readyAt: Date.now() + i,
      item: item as unknown as QueuedAnswer["item"],
    }),
  );
  await page.evaluate(
    async ({ name, store, entries }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, "readwrite");
        for (const entry of entries) tx.objectStore(store).put(entry);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { name: DB_NAME, store: QUEUE, entries },
  );
}

/** How many answers the kiosk's queue holds, read straight from IndexedDB. */
export function queueCount(page: Page): Promise<number> {
  return page.evaluate(
    async ({ name, store }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const count = await new Promise<number>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return count;
    },
    { name: DB_NAME, store: QUEUE },
  );
}

/** Polls until the queue is empty; returns false after `timeoutMs`. */
export async function waitForEmptyQueue(page: Page, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await queueCount(page)) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}
