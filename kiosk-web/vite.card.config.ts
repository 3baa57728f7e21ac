/**
 * Vite build of the member's card (/card/{token}) and its own service worker, apart from the kiosk's and the
 * other pages': the worker precaches only the card's files (card/, card-assets/), under the scope /card/, so a
 * phone that opened the card once shows it offline; the kiosk's worker and precache stay the kiosk's. Runs after
 * the kiosk's build (which empties dist/) and before the other pages'.
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
      // Registered by the page itself (src/card/lib/service-worker.ts): no workbox-window on a phone's first load.
      injectRegister: false,
      filename: "card-sw.js",
      manifestFilename: "card.webmanifest",
      scope: "/card/",
      manifest: {
        name: "Sonrisa · Club",
        short_name: "Club",
        description: "Your stamp card",
        lang: "es",
        id: "/card/",
        // The page keeps the card's link and opens it from here once installed.
        start_url: "/card/",
        scope: "/card/",
        display: "standalone",
        orientation: "portrait",
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
        cacheId: "sonrisa-card",
        globPatterns: ["card/*.html", "card-assets/*.{js,css}", "favicon.svg", "icons/icon-192.png"],
        globIgnores: ["**/node_modules/**"],
        // Offline, any /card/… navigation gets the card page; the card's data comes from the page's own storage.
        navigateFallback: "/card/index.html",
        navigateFallbackAllowlist: [/^\/card(\/|$)/],
        navigateFallbackDenylist: [/^\/v1\//],
      },
    }),
  ],
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: false,
    assetsDir: "card-assets",
    modulePreload: { polyfill: false },
    rollupOptions: { input: { card: resolve(root, "card/index.html") } },
  },
});
