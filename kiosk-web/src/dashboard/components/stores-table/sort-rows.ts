/** The order of the ranking's rows for a chosen column; stores without answers stay below the ranked ones. */
import type { AllResults } from "@sonrisa/shared/schemas/results";

export type Row = AllResults["stores"][number];
export type Key = "rank" | "name" | "total" | "csat" | "index" | "misuse";
export interface Sort {
  key: Key;
  desc: boolean;
}

function compare(a: Row, b: Row, key: Key): number {
  if (key === "name") return a.name.localeCompare(b.name);
  const x = a[key] ?? -1;
  const y = b[key] ?? -1;
  return x - y || byRank(a, b);
}

function byRank(a: Row, b: Row): number {
  return (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
}

/** Rows in the chosen order; by any figure, stores without answers (unranked) stay below every ranked one. */
export function sortRows(rows: Row[], sort: Sort): Row[] {
  const unranked = (row: Row) => (row.rank === null ? 1 : 0);
  return [...rows].sort(
    (a, b) => (sort.key === "name" ? 0 : unranked(a) - unranked(b)) || (sort.desc ? -1 : 1) * compare(a, b, sort.key),
  );
}
