// Test fixture: synthesizes the real Sonrisa app (same builder and cdk.json context as `cdk synth`)
// into a temporary folder, with a throwaway PWA build so tests do not depend on `npm run build`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { repoRoot } from "../../infra/src/paths.ts";
import { buildSonrisaApp, type SonrisaAppOptions, type SonrisaStacks } from "../../infra/src/sonrisa-app.ts";

const tempDirs: string[] = [];
/** Folders of the shared synth ({@link sharedSonrisa}): kept while the process runs, whichever file ends first. */
const sharedDirs: string[] = [];

/** A fresh folder under the OS temp dir, removed by {@link removeTempDirs} (or at exit, for the shared synth). */
function tempDir(prefix: string, list = tempDirs): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  list.push(dir);
  return dir;
}

/** Removes every folder this fixture created (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The feature flags and settings of cdk.json, so tests synthesize what the CLI would. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(repoRoot, "cdk.json"), "utf8")) as { context: Record<string, unknown> };
  return cdkJson.context;
}

/** Writes a minimal PWA build (index.html, one hashed asset, optional extra pages) to a temp folder. */
export function makeWebDist(pages: readonly string[] = []): string {
  return writeWebDist(pages, tempDirs);
}

function writeWebDist(pages: readonly string[], list: string[]): string {
  const dist = tempDir("sonrisa-dist-", list);
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Sonrisa</title>");
  writeFileSync(join(dist, "assets", "index-abc123.js"), "export {};");
  for (const page of pages) {
    mkdirSync(join(dist, page));
    writeFileSync(join(dist, page, "index.html"), `<!doctype html><title>${page}</title>`);
  }
  return dist;
}

/** A synthesized app with its stacks and templates. */
export interface SynthesizedSonrisa {
  app: App;
  stacks: SonrisaStacks;
  outdir: string;
  data: Template;
  main: Template;
}

/** Options of {@link synthSonrisa}. */
export interface SynthOptions extends Partial<SonrisaAppOptions> {
  /**
   * Skip esbuild, through CDK's own `aws:cdk:bundling-stacks` context (what `cdk ls` does), for
   * tests that look at the template and not at the bundles. Entry files are still checked.
   */
  skipBundling?: boolean;
}

/** Builds and synthesizes the app; throws as `cdk synth` would (missing files, cdk-nag findings). */
export function synthSonrisa(options: SynthOptions = {}): SynthesizedSonrisa {
  return synthInto(tempDirs, options);
}

function synthInto(list: string[], { skipBundling, ...options }: SynthOptions): SynthesizedSonrisa {
  const outdir = tempDir("sonrisa-cdk-out-", list);
  const context = { ...cdkJsonContext(), ...(skipBundling ? { "aws:cdk:bundling-stacks": [] } : {}) };
  const app = new App({ context, outdir });
  const stacks = buildSonrisaApp(app, {
    mailFrom: "Sonrisa <no-reply@example.com>",
    webDist: options.webDist ?? writeWebDist(["kiosk"], list),
    ...options,
  });
  app.synth();
  return { app, stacks, outdir, data: Template.fromStack(stacks.data), main: Template.fromStack(stacks.app) };
}

let shared: SynthesizedSonrisa | undefined;

/**
 * The app exactly as `cdk synth` builds it, real esbuild bundles included, synthesized once per process and
 * shared by every file that only reads it: the infra project runs its files one after another in one
 * process without isolation (vitest.config.ts), so the 80-odd bundles and cdk-nag's pass are paid once per
 * run, not once per file. Read it, never change it. Its folders are removed when the process exits.
 */
export function sharedSonrisa(): SynthesizedSonrisa {
  if (!shared) {
    process.once("exit", () => {
      for (const dir of sharedDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });
    shared = synthInto(sharedDirs, {});
  }
  return shared;
}

/** Resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/** Bundling the 80-odd functions on a busy 2-core machine takes a while (over 300 s seen at load 11); hooks that synthesize get this long. */
export const synthTimeout = 600_000;
