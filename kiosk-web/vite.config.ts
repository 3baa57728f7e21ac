/**
 * Vite config of the Sonrisa PWA pages other than the kiosk (landing, staff console, dashboard), and the dev
 * server for every page. The kiosk is its own build (vite.kiosk.config.ts), run first by `npm run build`.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig, type UserConfig } from "vite";

const root = import.meta.dirname;

/** The package version and the commit it was built from (the kiosk reports it with every sync). */
function appVersion(): string {
  const { version } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { version: string };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      stdio: ["ignore", "pipe", "ignore"],
    });
    return `${version}+${commit.toString().trim()}`;
  } catch {
    return version;
  }
}

/** What every build shares: the source root, Preact, the app version and the API proxy of `vite` / `vite preview`. */
export const shared: UserConfig = {
  root,
  plugins: [preact()],
  define: { __SONRISA_APP_VERSION__: JSON.stringify(appVersion()) },
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
