import { emptyCounts } from "@sonrisa/shared/scoring";
import { describe, expect, it } from "vitest";
import { type Key, type Row, sortRows } from "./sort-rows.ts";

const row = (storeId: string, rank: number | null, total: number, csat: number | null): Row => ({
  storeId,
  name: storeId,
  total,
  counts: emptyCounts(),
  csat,
  index: csat,
  misuse: 0,
  rankScore: 0,
  rank,
});
// As the API sends them: ranked stores first, then those without answers.
const rows = [
  row("happy", 1, 40, 90),
  row("grumpy", 2, 12, 10),
  row("empty-a", null, 0, null),
  row("empty-b", null, 0, null),
];
const order = (key: Key, desc: boolean) => sortRows(rows, { key, desc }).map((r) => r.storeId);

describe("sorting the ranking", () => {
  it.each([
    ["rank", false],
    ["rank", true],
    ["csat", false],
    ["csat", true],
    ["total", false],
    ["index", false],
    ["misuse", true],
  ] as [Key, boolean][])("keeps stores without answers below the ranked ones by %s (descending: %s)", (key, desc) => {
    expect(order(key, desc).slice(2).sort()).toEqual(["empty-a", "empty-b"]);
  });

  it("sorts the ranked stores by the chosen figure", () => {
    expect(order("csat", false).slice(0, 2)).toEqual(["grumpy", "happy"]);
    expect(order("rank", true).slice(0, 2)).toEqual(["grumpy", "happy"]);
  });
});
