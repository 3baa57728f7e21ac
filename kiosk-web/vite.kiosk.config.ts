/**
 * Vite build of /kiosk and its service worker, apart from the other pages (vite.config.ts) so that nothing
 * they import is kept in the kiosk's chunks: one bundle graph would keep, for example, all of the zod the
 * staff console uses inside the zod chunk the kiosk shares with it. Runs first and empties dist/.
 */
import { resolve } from "node:path";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { shared } from "./vite.config.ts";

const root = import.meta.dirname;

export default defineConfig({
  ...shared,
  plugins: [
    ...(shared.plugins ?? []),
    VitePWA({
      registerType: "autoUpdate",
      // The kiosk registers the worker itself, after its first paint (src/kiosk/lib/service-worker.ts).
      injectRegister: false,
      includeAssets: ["favicon.svg", "icons/*.png"],
      manifest: {
        name: "Sonrisa kiosk",
        short_name: "Sonrisa",
        description: "In-store feedback kiosk",
        lang: "es",
        id: "/kiosk",
        start_url: "/kiosk",
        scope: "/",
        display: "fullscreen",
        orientation: "any",
        background_color: "#fff8f0",
        theme_color: "#1f6f5c",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        clientsClaim: true,
        skipWaiting: true,
        cleanupOutdatedCaches: true,
        // The kiosk is built first, so dist/ holds only the kiosk's files now: a tablet installs the kiosk only.
        globPatterns: ["**/*.{html,js,css,svg,png,webmanifest}"],
        globIgnores: ["**/node_modules/**"],
        // Offline, any /kiosk navigation (with or without a trailing slash or query) gets the kiosk page.
        navigateFallback: "/kiosk/index.html",
        navigateFallbackAllowlist: [/^\/kiosk(\/|$|\?)/],
        // The API is never cached: answers go through the IndexedDB queue instead.
        navigateFallbackDenylist: [/^\/v1\//],
      },
    }),
  ],
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    // bench/kiosk-size.ts walks this manifest from the kiosk entry.
    manifest: true,
    // Kiosks run Chromium, which preloads modules natively.
    modulePreload: { polyfill: false },
    // A stylesheet per chunk: the screens loaded on demand (pairing, staff panel, the member step) bring their
    // own rules, so the start's stylesheet holds only what the start shows.
    cssCodeSplit: true,
    rollupOptions: { input: { kiosk: resolve(root, "kiosk/index.html") } },
  },
});
