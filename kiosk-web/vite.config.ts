/**
 * Vite config of the Sonrisa PWA pages other than the kiosk (landing, staff console, dashboard), and the dev
 * server for every page. The kiosk is its own build (vite.kiosk.config.ts), run first by `npm run build`.
 */
import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type UserConfig } from "vite";

const root = import.meta.dirname;

/** What every build shares: the source root, Preact and the API proxy of `vite` / `vite preview`. */
export const shared: UserConfig = {
  root,
  plugins: [preact()],
  server: { proxy: { "/v1": "http://127.0.0.1:8080" } },
  preview: { proxy: { "/v1": "http://127.0.0.1:8080" } },
};

/** One line per page; each page is its own entry, so no page downloads another page's code. */
const pages: Record<string, string> = {
  landing: "index.html",
  staff: "staff/index.html",
  dashboard: "dashboard/index.html",
};

export default defineConfig({
  ...shared,
  build: {
    outDir: resolve(root, "dist"),
    // The kiosk build has already written its files here.
    emptyOutDir: false,
    rollupOptions: {
      input: Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, resolve(root, file)])),
    },
  },
});
