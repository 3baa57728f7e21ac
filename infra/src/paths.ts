// Where the CDK app finds Lambda entries and the built PWA, and the checks that fail synth early.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the repository root (infra/src is two levels below it). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Maps a handler name from the route table to the file that exports its `handler`. */
export type EntryResolver = (name: string) => string;

/** Default entry of an API route handler: `functions/src/handlers/<name>.ts`. */
export const defaultHandlerEntry: EntryResolver = (name) =>
  join(repoRoot, "functions", "src", "handlers", `${name}.ts`);

/** Default entry of a scheduled job: `functions/src/jobs/<name>.ts`. */
export const defaultJobEntry: EntryResolver = (name) => join(repoRoot, "functions", "src", "jobs", `${name}.ts`);

/** Default entry of a stream consumer or event handler: `functions/src/events/<name>.ts`. */
export const defaultEventEntry: EntryResolver = (name) => join(repoRoot, "functions", "src", "events", `${name}.ts`);

/** An entry the stack needs, with what it is for, so a missing file can be reported by purpose. */
export interface RequiredEntry {
  file: string;
  purpose: string;
}

/**
 * Throws one error listing every missing entry file. NodejsFunction would otherwise stop at the
 * first one with a message that does not say which route or job wanted it.
 */
export function assertEntriesExist(entries: readonly RequiredEntry[]): void {
  const missing = entries.filter((entry) => !existsSync(entry.file));
  if (missing.length === 0) return;
  const lines = missing.map((entry) => `  - ${relative(repoRoot, entry.file)} (${entry.purpose})`);
  throw new Error(
    `Sonrisa synth: ${missing.length} Lambda entry file(s) missing:\n${lines.join("\n")}\n` +
      "Every route and job in shared/src/routes.ts needs its file exporting `handler`.",
  );
}

/**
 * Resolves the folder of the built PWA and checks it holds an index.html. BucketDeployment would
 * otherwise fail late (or deploy an empty site), so synth stops here with the fix to apply.
 */
export function resolveWebDist(folder?: string): string {
  const dist = resolve(repoRoot, folder ?? join("kiosk-web", "dist"));
  if (!existsSync(join(dist, "index.html"))) {
    throw new Error(
      `Sonrisa synth: ${relative(repoRoot, dist) || dist}/index.html not found. ` +
        "Run `npm run build` first (or pass `-c webDist=<folder>` with a built PWA).",
    );
  }
  return dist;
}

/** The default folder of the built PWA. */
export const defaultWebDist = join(repoRoot, "kiosk-web", "dist");

/** Builds the PWA into kiosk-web/dist (offline: Vite only), writing its log to stderr, not to the app's stdout. */
export function buildPwa(): void {
  process.stderr.write("Sonrisa synth: kiosk-web/dist has no build yet; building the PWA (npm run build)…\n");
  execFileSync("npm", ["run", "build", "-w", "kiosk-web"], { cwd: repoRoot, stdio: ["ignore", 2, 2] });
}

/**
 * The built PWA for the CLI's synth and deploy: a folder given with `-c webDist=…` must hold a build; without
 * one, kiosk-web/dist is built first when it has none, so `npx cdk synth` works on a fresh clone as is.
 */
export function ensureWebDist(folder?: string, opts: { dist?: string; build?: () => void } = {}): string {
  if (folder) return resolveWebDist(folder);
  const dist = opts.dist ?? defaultWebDist;
  if (!existsSync(join(dist, "index.html"))) (opts.build ?? buildPwa)();
  return resolveWebDist(dist);
}
