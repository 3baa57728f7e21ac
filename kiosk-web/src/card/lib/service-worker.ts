/** Registers the card's service worker (vite.card.config.ts), so a card opened once shows offline. */
export function registerCardWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  addEventListener("load", () => void navigator.serviceWorker.register("/card-sw.js", { scope: "/card/" }));
}
