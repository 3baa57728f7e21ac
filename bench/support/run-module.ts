/**
 * Child-process entry for one bench module: `run-module.ts <module file> <result file>`.
 * Each module gets its own process because the handlers read their configuration (table, endpoint)
 * once per process, so two local stacks cannot share one; a crash also stays inside its module.
 */
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { assertRows, type BenchModule } from "./report.ts";

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error("usage: run-module.ts <bench module> <result json>");
const name = basename(file, ".ts");

const mod = (await import(pathToFileURL(file).href)) as Partial<BenchModule>;
if (typeof mod.run !== "function") throw new Error(`bench/${name}.ts does not export run()`);
const rows = await mod.run();
assertRows(name, rows);
writeFileSync(out, JSON.stringify(rows));
// Lingering keep-alive sockets or timers must not hold the runner up once the rows are written.
process.exit(0);
