/**
 * The shape every use case copies, checked: imports point inwards (the domain owns its ports and imports
 * no adapter, middleware, local stack, AWS SDK or Node I/O), time comes from the clock port, keys are
 * built only in keys.ts, and no two files import each other, however indirectly.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = sourceFiles(root).map((path) => ({
  path,
  name: relative(root, path),
  text: readFileSync(path, "utf8"),
}));

/** Import specifiers of a file: static, type-only and dynamic. */
function importsOf(text: string): string[] {
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

describe("architecture", () => {
  it("keeps the domain free of adapters, middleware, the local stack, the AWS SDK and Node I/O", () => {
    const forbidden = [
      /\/adapters\//,
      /\/middleware\//,
      /\/local\//,
      /wiring\.ts$/,
      /^@aws-sdk\//,
      /^node:(fs|net|http|https|stream|child_process)/,
    ];
    const offences = files
      .filter((f) => f.name.startsWith("domain/"))
      .flatMap((f) =>
        importsOf(f.text)
          .filter((spec) => forbidden.some((re) => re.test(spec)))
          .map((spec) => `${f.name} imports ${spec}`),
      );
    expect(offences).toEqual([]);
  });

  it("takes time from the clock port in handlers, jobs and the domain", () => {
    const offences = files
      .filter((f) => /^(domain|handlers|jobs|events)\//.test(f.name))
      .filter((f) => /new Date\(\)|Date\.now\(\)/.test(f.text))
      .map((f) => f.name);
    expect(offences).toEqual([]);
  });

  it("builds table keys only in keys.ts", () => {
    // A key template joins parts with `#`: `STORE#${id}` or `${date}#${code}`.
    const keyTemplate = /`[^`]*(?:[A-Z]#\$\{|\}#)[^`]*`/;
    const offences = files
      .filter((f) => f.name !== "adapters/dynamo/keys.ts" && keyTemplate.test(f.text))
      .map((f) => f.name);
    expect(offences).toEqual([]);
  });

  it("has no import cycle", () => {
    const graph = new Map(
      files.map((f) => [
        f.path,
        importsOf(f.text)
          .filter((spec) => spec.startsWith("."))
          .map((spec) => resolve(dirname(f.path), spec)),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, "visiting" | "done">();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === "done") return;
      if (state.get(node) === "visiting") {
        cycles.push([...trail.slice(trail.indexOf(node)), node].map((p) => relative(root, p)).join(" → "));
        return;
      }
      state.set(node, "visiting");
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, "done");
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
