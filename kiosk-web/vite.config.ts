/** Vite build of the Sonrisa PWA: one HTML entry per page, Preact, and the kiosk's service worker. */
import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

/** One line per page; each page is its own entry, so /kiosk never downloads another page's code. */
const pages: Record<string, string> = {
  landing: "index.html",
  kiosk: "kiosk/index.html",
  staff: "staff/index.html",
  dashboard: "dashboard/index.html",
};

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [
    preact(),
    VitePWA({
      registerType: "autoUpdate",
      // The kiosk registers the worker itself, after its first paint (src/kiosk/lib/register-sw.ts).
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
        globPatterns: ["**/*.{html,js,css,svg,png,webmanifest}"],
        // A kiosk tablet installs the kiosk only: the staff console and the dashboard stay online-only pages.
        globIgnores: [
          "staff/**",
          "dashboard/**",
          "assets/staff-????????.{js,css}",
          "assets/dashboard-????????.{js,css}",
          "**/node_modules/**",
        ],
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
    manifest: true,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, resolve(root, file)])),
    },
  },
  server: { proxy: { "/v1": "http://127.0.0.1:8080" } },
  preview: { proxy: { "/v1": "http://127.0.0.1:8080" } },
});
