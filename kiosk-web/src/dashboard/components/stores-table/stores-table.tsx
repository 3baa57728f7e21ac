/** The ranking table: sortable by every column, the store name opens its results, totals in the footer. */
import { csatOf, emptyCounts, indexOf, mergeCounts } from "@sonrisa/shared/scoring";
import { useState } from "preact/hooks";
import { useI18n } from "../../lib/i18n.ts";
import { type Key, type Row, type Sort, sortRows } from "./sort-rows.ts";
import { StoreCards } from "./store-cards.tsx";
import styles from "./stores-table.module.css";

export type { Key, Row, Sort };

const NUMERIC: Key[] = ["rank", "total", "csat", "index", "misuse"];

interface Props {
  rows: Row[];
  /** Where a store's name links to, and how to go there in place. */
  hrefFor: (storeId: string) => string;
  open: (storeId: string) => void;
}

export function StoresTable({ rows, hrefFor, open }: Props) {
  const { t, f } = useI18n();
  const [sort, setSort] = useState<Sort>({ key: "rank", desc: false });
  const sorted = sortRows(rows, sort);
  const counts = rows.reduce((sum, r) => mergeCounts(sum, r.counts), emptyCounts());
  const columns: { key: Key; label: string }[] = [
    { key: "rank", label: t.overview.rank },
    { key: "name", label: t.overview.store },
    { key: "total", label: t.overview.answers },
    { key: "csat", label: t.overview.csat },
    { key: "index", label: t.overview.index },
    { key: "misuse", label: t.overview.misuse },
  ];
  const toggle = (key: Key) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== "rank" && key !== "name" }));

  if (rows.length === 0) return <p>{t.overview.empty}</p>;
  return (
    <>
      <StoreCards rows={sorted} columns={columns} sort={sort} setSort={setSort} hrefFor={hrefFor} open={open} />
      <div class={styles.scroll}>
        <table class={styles.table}>
          <caption class="sr-only">{t.overview.tableLabel}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  class={NUMERIC.includes(c.key) ? styles.num : undefined}
                  aria-sort={sort.key === c.key ? (sort.desc ? "descending" : "ascending") : undefined}
                >
                  <button type="button" onClick={() => toggle(c.key)} title={t.overview.sortBy(c.label)}>
                    {c.label}
                    <span class={styles.arrow} aria-hidden="true">
                      {sort.key === c.key ? (sort.desc ? "↓" : "↑") : "↕"}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.storeId} data-store={row.storeId}>
                <td class={styles.num}>
                  <span class={styles.rank}>{row.rank ?? t.none}</span>
                </td>
                <th scope="row" class={styles.name}>
                  <a
                    href={hrefFor(row.storeId)}
                    onClick={(e) => {
                      if (e.metaKey || e.ctrlKey || e.shiftKey) return;
                      e.preventDefault();
                      open(row.storeId);
                    }}
                  >
                    {row.name}
                  </a>
                </th>
                <td class={styles.num} data-col="total">
                  {f.int(row.total)}
                </td>
                <td class={styles.num}>
                  <span class={styles.csat}>
                    <span class={styles.bar} aria-hidden="true">
                      <span style={{ width: `${row.csat ?? 0}%` }} />
                    </span>
                    {f.percent(row.csat)}
                  </span>
                </td>
                <td class={styles.num}>{f.score(row.index)}</td>
                <td class={`${styles.num} ${row.misuse > 0 ? styles.warn : styles.quiet}`}>{f.int(row.misuse)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row">{t.overview.totals}</th>
              <td class={styles.num} data-col="total">
                {f.int(rows.reduce((n, r) => n + r.total, 0))}
              </td>
              <td class={styles.num}>{f.percent(csatOf(counts))}</td>
              <td class={styles.num}>{f.score(indexOf(counts))}</td>
              <td class={styles.num}>{f.int(rows.reduce((n, r) => n + r.misuse, 0))}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
