/** The row every bench module returns, and the table `npm run bench` prints from them. */

/** One measured figure. `budget` is the target in words (e.g. "≥ 300"); `ok` says whether it was met. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

/** A bench module: `bench/<name>.ts` exporting `run`. */
export interface BenchModule {
  run(): Promise<BenchRow[]>;
}

export interface ModuleResult {
  name: string;
  seconds: number;
  rows: BenchRow[];
  /** Set when the module crashed: its rows are whatever it returned before (none). */
  error?: string;
}

export const OVER_BUDGET = "✗ OVER BUDGET";

/** A value in a readable form: integers grouped, others to 3 significant digits (at most 2 decimals). */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function okText(row: BenchRow): string {
  if (row.ok === undefined) return "";
  return row.ok ? "ok" : OVER_BUDGET;
}

function cells(result: ModuleResult): string[][] {
  if (result.error) return [[result.name, "CRASHED (see the log above)", "", "", "", "✗"]];
  return result.rows.map((row) => [
    result.name,
    row.metric,
    formatValue(row.value),
    row.unit,
    row.budget ?? "",
    okText(row),
  ]);
}

const HEADER = ["bench", "metric", "value", "unit", "budget", "ok"];

/** A plain-text table for the terminal, values right-aligned. */
export function textTable(results: ModuleResult[]): string {
  const rows = [HEADER, ...results.flatMap(cells)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(HEADER), rule, ...rows.slice(1).map(line)].join("\n");
}

/** The same table in Markdown, for bench/README.md. */
export function markdownTable(results: ModuleResult[]): string {
  const esc = (c: string) => c.replaceAll("|", "\\|");
  const rows = results.flatMap(cells).map((r) => `| ${r.map(esc).join(" | ")} |`);
  return [`| ${HEADER.join(" | ")} |`, "| --- | --- | ---: | --- | --- | --- |", ...rows].join("\n");
}

/** Throws unless `rows` is what a bench module must return. */
export function assertRows(name: string, rows: unknown): asserts rows is BenchRow[] {
  if (!Array.isArray(rows)) throw new Error(`bench/${name}.ts: run() must resolve to an array of rows`);
  for (const row of rows as Partial<BenchRow>[]) {
    if (typeof row?.metric !== "string" || typeof row.value !== "number" || typeof row.unit !== "string") {
      throw new Error(`bench/${name}.ts: every row needs metric (string), value (number) and unit (string)`);
    }
  }
}
