/**
 * `npm run bench [-- name …]`: runs every bench/<name>.ts module (or those whose name starts with one
 * of the given names) one after another, each in its own process, and prints one table. Budgets are
 * reported, not asserted: the exit code is non-zero only when a module crashes.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchRow, type ModuleResult, markdownTable, OVER_BUDGET, textTable } from "./support/report.ts";

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const childEntry = join(benchDir, "support", "run-module.ts");
/** Where the last run's table is kept (git-ignored), to paste into bench/README.md. */
const outDir = join(benchDir, "..", ".bench");

function discover(filters: string[]): string[] {
  const names = readdirSync(benchDir)
    .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".d.ts"))
    .map((f) => basename(f, ".ts"))
    .sort();
  if (filters.length === 0) return names;
  return names.filter((n) => filters.some((f) => n === f || n.startsWith(f)));
}

let current: ChildProcess | undefined;
// Ctrl-C or a kill stops the module running now and the run: no further module starts.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    current?.kill(signal);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

/** Runs one module in a child process with the same loader (tsx) as this one. */
function runModule(name: string): Promise<ModuleResult> {
  const resultFile = join(tmpdir(), `sonrisa-bench-${process.pid}-${name}.json`);
  rmSync(resultFile, { force: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, childEntry, join(benchDir, `${name}.ts`), resultFile], {
      stdio: "inherit",
    });
    current = child;
    const finish = (error?: string) => {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      try {
        if (error) throw new Error(error);
        const rows = JSON.parse(readFileSync(resultFile, "utf8")) as BenchRow[];
        resolve({ name, seconds, rows });
      } catch (e) {
        resolve({ name, seconds, rows: [], error: (e as Error).message });
      } finally {
        rmSync(resultFile, { force: true });
      }
    };
    child.once("error", (e) => finish(e.message));
    child.once("exit", (code, signal) => finish(code === 0 ? undefined : `exited with ${signal ?? `code ${code}`}`));
  });
}

const filters = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = discover(filters);
if (names.length === 0) {
  console.error(`No bench module matches ${filters.join(", ")} (modules are bench/<name>.ts)`);
  process.exit(1);
}

/** The commit measured, and whether the product code had uncommitted changes (others work in this checkout). */
function revision(): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: benchDir, encoding: "utf8" }).trim();
    const dirty = git("status", "--porcelain", "--", "../functions", "../shared") !== "";
    return `commit ${git("rev-parse", "--short", "HEAD")}${dirty ? " + uncommitted changes in functions/ or shared/" : ""}`;
  } catch {
    return "commit unknown";
  }
}

const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}`;
const results: ModuleResult[] = [];
for (const name of names) {
  console.error(`\n▶ bench/${name}.ts`);
  const result = await runModule(name);
  console.error(
    result.error
      ? `✗ bench/${name}.ts crashed after ${result.seconds} s: ${result.error}`
      : `✓ bench/${name}.ts in ${result.seconds} s`,
  );
  results.push(result);
}

const date = new Date().toISOString().slice(0, 16).replace("T", " ");
const times = results.map((r) => `${r.name} ${r.seconds} s`).join(", ");
const over = results.flatMap((r) => r.rows).filter((r) => r.ok === false).length;
const measured = revision();
console.log(`\nSonrisa benchmarks · ${date} UTC · ${machine} · ${measured}\n`);
console.log(textTable(results));
console.log(`\nRun times: ${times}`);
if (over > 0) console.log(`${over} figure(s) ${OVER_BUDGET}`);

mkdirSync(outDir, { recursive: true });
const heading = `${date} UTC · ${machine} · ${measured}\n\nRun times: ${times}\n\n`;
writeFileSync(join(outDir, "last-run.md"), `${heading}${markdownTable(results)}\n`);

const crashed = results.filter((r) => r.error);
process.exit(crashed.length > 0 ? 1 : 0);
